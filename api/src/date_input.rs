//! A date as a citizen types it: day, month and year in three fields (the GOV.UK date input),
//! read with a specific reason when it is not a date, the same in the browser and the server.
use crate::calendar::Date;

/// Why what was typed as day, month and year is not a date. `code()` names it for the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePartsError {
    /// Every part is empty: the question was not answered.
    Empty,
    /// Some parts are given; the first missing one is named.
    MissingDay,
    MissingMonth,
    MissingYear,
    /// A part holds something other than digits.
    NotDigits,
    /// The year is not written with four digits (`25` for 2025 is ambiguous).
    YearDigits,
    /// Every part is a number, but there is no such day (31.02, month 13).
    NotReal,
}

impl DatePartsError {
    pub fn code(self) -> &'static str {
        match self {
            DatePartsError::Empty => "required",
            DatePartsError::MissingDay => "date-missing-day",
            DatePartsError::MissingMonth => "date-missing-month",
            DatePartsError::MissingYear => "date-missing-year",
            DatePartsError::NotDigits => "date-invalid",
            DatePartsError::YearDigits => "date-year-digits",
            DatePartsError::NotReal => "date-not-real",
        }
    }
}

fn number(part: &str) -> Result<u32, DatePartsError> {
    if part.is_empty() || part.len() > 4 || !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DatePartsError::NotDigits);
    }
    part.parse().map_err(|_| DatePartsError::NotDigits)
}

/// Reads a date from its day, month and year as typed (spaces around each part forgiven).
pub fn parse_date_parts(day: &str, month: &str, year: &str) -> Result<Date, DatePartsError> {
    let (day, month, year) = (day.trim(), month.trim(), year.trim());
    match (day.is_empty(), month.is_empty(), year.is_empty()) {
        (true, true, true) => return Err(DatePartsError::Empty),
        (true, _, _) => return Err(DatePartsError::MissingDay),
        (_, true, _) => return Err(DatePartsError::MissingMonth),
        (_, _, true) => return Err(DatePartsError::MissingYear),
        _ => {}
    }
    let (d, m, y) = (number(day)?, number(month)?, number(year)?);
    if year.len() != 4 {
        return Err(DatePartsError::YearDigits);
    }
    let (Ok(m), Ok(d)) = (u8::try_from(m), u8::try_from(d)) else {
        return Err(DatePartsError::NotReal);
    };
    Date::new(y as i32, m, d).ok_or(DatePartsError::NotReal)
}

/// The answer to a date question as it travels: `YYYY-MM-DD` when the parts make a date,
/// else the parts as typed joined `year-month-day`, so the server names the same problem.
pub fn date_answer(day: &str, month: &str, year: &str) -> String {
    match parse_date_parts(day, month, year) {
        Ok(d) => d.to_string(),
        Err(_) => format!("{}-{}-{}", year.trim(), month.trim(), day.trim()),
    }
}

/// Reads a date answer (`YYYY-MM-DD`); anything else gets the reason the parts would.
pub fn parse_date_answer(text: &str) -> Result<Date, DatePartsError> {
    let parts: Vec<&str> = text.trim().split('-').collect();
    let [year, month, day] = parts[..] else {
        return Err(DatePartsError::NotDigits);
    };
    let date = parse_date_parts(day, month, year)?;
    // Only the canonical form is stored, so every reader of an answer can parse it.
    if date.to_string() != text.trim() {
        return Err(DatePartsError::NotDigits);
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use DatePartsError as E;

    #[test]
    fn a_date_typed_in_three_parts_is_read_with_or_without_leading_zeros() {
        assert_eq!(
            parse_date_parts("1", "3", "2025"),
            Ok(Date::new(2025, 3, 1).unwrap())
        );
        assert_eq!(
            parse_date_parts(" 01 ", "03", "2025"),
            Ok(Date::new(2025, 3, 1).unwrap())
        );
        assert_eq!(date_answer("1", "3", "2025"), "2025-03-01");
    }

    #[test]
    fn each_problem_has_its_own_reason() {
        assert_eq!(parse_date_parts("", "", ""), Err(E::Empty));
        assert_eq!(parse_date_parts("", "3", "2025"), Err(E::MissingDay));
        assert_eq!(parse_date_parts("1", " ", "2025"), Err(E::MissingMonth));
        assert_eq!(parse_date_parts("1", "3", ""), Err(E::MissingYear));
        assert_eq!(parse_date_parts("1", "", ""), Err(E::MissingMonth));
        assert_eq!(parse_date_parts("1", "март", "2025"), Err(E::NotDigits));
        assert_eq!(parse_date_parts("-1", "3", "2025"), Err(E::NotDigits));
        assert_eq!(parse_date_parts("1", "3", "25"), Err(E::YearDigits));
        assert_eq!(parse_date_parts("31", "2", "2025"), Err(E::NotReal));
        assert_eq!(parse_date_parts("29", "2", "2025"), Err(E::NotReal));
        assert_eq!(parse_date_parts("1", "13", "2025"), Err(E::NotReal));
        assert_eq!(parse_date_parts("0", "1", "2025"), Err(E::NotReal));
        assert_eq!(
            parse_date_parts("29", "2", "2024"),
            Ok(Date::new(2024, 2, 29).unwrap())
        );
        assert_eq!(E::NotReal.code(), "date-not-real");
    }

    #[test]
    fn the_answer_carries_the_same_reason_to_the_server() {
        for (d, m, y) in [
            ("31", "2", "2025"),
            ("", "3", "2025"),
            ("1", "", "2025"),
            ("1", "3", ""),
            ("1", "3", "25"),
            ("x", "3", "2025"),
        ] {
            assert_eq!(
                parse_date_answer(&date_answer(d, m, y)),
                parse_date_parts(d, m, y),
                "{d}.{m}.{y}"
            );
        }
        assert_eq!(parse_date_answer("2025-3-1"), Err(E::NotDigits));
        assert_eq!(
            parse_date_answer("2025-03-01"),
            Ok(Date::new(2025, 3, 1).unwrap())
        );
        assert_eq!(parse_date_answer("01.03.2025"), Err(E::NotDigits));
    }
}
