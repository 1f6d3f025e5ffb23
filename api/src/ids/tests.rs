//! Tests of the identifiers against their published rules, by example and by property.
use super::*;
use proptest::prelude::*;

// Independent of the module's helpers, so the tests check the rules, not themselves.
fn sum(digits: &str, weights: &[u32]) -> u32 {
    digits
        .bytes()
        .zip(weights)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum()
}

fn with_egn_check(body: &str) -> String {
    let r = sum(body, &[2, 4, 8, 5, 10, 9, 7, 3, 6]) % 11;
    format!("{body}{}", if r == 10 { 0 } else { r })
}

fn egn_body(date: Date, serial: u16) -> String {
    let month = match date.year() {
        1800..=1899 => date.month() + 20,
        1900..=1999 => date.month(),
        _ => date.month() + 40,
    };
    format!(
        "{:02}{:02}{:02}{:03}",
        date.year() % 100,
        month,
        date.day(),
        serial
    )
}

fn with_lnch_check(body: &str) -> String {
    format!(
        "{body}{}",
        sum(body, &[21, 19, 17, 13, 11, 9, 7, 3, 1]) % 10
    )
}

fn mod11(body: &str, first: &[u32], second: &[u32]) -> u32 {
    let r = sum(body, first) % 11;
    if r != 10 {
        return r;
    }
    let r = sum(body, second) % 11;
    if r == 10 {
        0
    } else {
        r
    }
}

fn with_eik9_check(body: &str) -> String {
    let c = mod11(body, &[1, 2, 3, 4, 5, 6, 7, 8], &[3, 4, 5, 6, 7, 8, 9, 10]);
    format!("{body}{c}")
}

fn with_eik13_check(nine: &str, three: &str) -> String {
    let tail = format!("{}{three}", &nine[8..]);
    let c = mod11(&tail, &[2, 7, 3, 5], &[4, 9, 5, 7]);
    format!("{nine}{three}{c}")
}

fn change_digit(s: &str, pos: usize, delta: u8) -> String {
    let mut b = s.as_bytes().to_vec();
    b[pos] = b'0' + (b[pos] - b'0' + delta) % 10;
    String::from_utf8(b).unwrap()
}

fn egn_dates() -> impl Strategy<Value = Date> {
    let lo = Date::new(1800, 1, 1).unwrap().days_since_epoch();
    let hi = Date::new(2099, 12, 31).unwrap().days_since_epoch();
    (lo..=hi).prop_map(Date::from_days_since_epoch)
}

fn valid_egn() -> impl Strategy<Value = String> {
    (egn_dates(), 0u16..1000).prop_map(|(d, s)| with_egn_check(&egn_body(d, s)))
}

fn valid_lnch() -> impl Strategy<Value = String> {
    "[0-9]{9}".prop_map(|b| with_lnch_check(&b))
}

fn valid_eik9() -> impl Strategy<Value = String> {
    "[0-9]{8}".prop_map(|b| with_eik9_check(&b))
}

fn valid_eik13() -> impl Strategy<Value = String> {
    (valid_eik9(), "[0-9]{3}").prop_map(|(n, t)| with_eik13_check(&n, &t))
}

// --- ЕГН ---

#[test]
fn known_egns_parse_with_their_birth_dates() {
    let e = Egn::parse("8032056031").unwrap();
    assert_eq!(e.as_str(), "8032056031");
    assert_eq!(e.birth_date(), Date::new(1880, 12, 5).unwrap());
    let e = Egn::parse("0550290476").unwrap();
    assert_eq!(e.birth_date(), Date::new(2005, 10, 29).unwrap());
}

#[test]
fn egn_parse_trims_surrounding_whitespace_only() {
    assert_eq!(
        Egn::parse(" \t8032056031\n").unwrap().as_str(),
        "8032056031"
    );
    assert_eq!(Egn::parse("803205 6031"), Err(EgnError::NotDigits));
    assert_eq!(Egn::parse("80320-56031"), Err(EgnError::NotDigits));
}

#[test]
fn egn_errors_have_codes() {
    assert_eq!(Egn::parse("").unwrap_err().code(), "egn-empty");
    assert_eq!(Egn::parse("   ").unwrap_err().code(), "egn-empty");
    assert_eq!(Egn::parse("803205603").unwrap_err().code(), "egn-length");
    assert_eq!(Egn::parse("80320560311").unwrap_err().code(), "egn-length");
    assert_eq!(
        Egn::parse("80320560З1").unwrap_err().code(),
        "egn-not-digits"
    );
    // Fullwidth digits are not ASCII digits.
    assert_eq!(
        Egn::parse("８０３２０５６０３１").unwrap_err().code(),
        "egn-not-digits"
    );
    assert_eq!(Egn::parse("8032056030").unwrap_err().code(), "egn-checksum");
    assert_eq!(Egn::parse("8013056031").unwrap_err().code(), "egn-date");
}

#[test]
fn egn_date_must_exist_including_leap_days() {
    // 29 February: 2004 (month 42) and 1904 exist, 1900 and 2100-style years do not.
    assert!(Egn::parse(&with_egn_check("044229123")).is_ok());
    assert!(Egn::parse(&with_egn_check("040229123")).is_ok());
    assert!(Egn::parse(&with_egn_check("004229123")).is_ok()); // 2000 is leap
    assert_eq!(
        Egn::parse(&with_egn_check("000229123")),
        Err(EgnError::Date)
    ); // 1900
    assert_eq!(
        Egn::parse(&with_egn_check("054229123")),
        Err(EgnError::Date)
    );
    assert_eq!(
        Egn::parse(&with_egn_check("050431123")),
        Err(EgnError::Date)
    );
    assert_eq!(
        Egn::parse(&with_egn_check("050100123")),
        Err(EgnError::Date)
    );
    for month in ["00", "13", "20", "33", "40", "53", "99"] {
        let body = format!("05{month}01123");
        assert_eq!(
            Egn::parse(&with_egn_check(&body)),
            Err(EgnError::Date),
            "{month}"
        );
    }
}

#[test]
fn egn_month_field_selects_the_century() {
    let d = |body: &str| Egn::parse(&with_egn_check(body)).unwrap().birth_date();
    assert_eq!(d("992131000"), Date::new(1899, 1, 31).unwrap());
    assert_eq!(d("991231000"), Date::new(1999, 12, 31).unwrap());
    assert_eq!(d("995231000"), Date::new(2099, 12, 31).unwrap());
}

#[test]
fn egn_checksum_cannot_tell_remainder_ten_from_zero() {
    // A documented weakness of the algorithm, not of this code: with remainder 10 the
    // check digit is 0, the same as for remainder 0. Adding 2 to the last serial digit
    // (weight 6) adds 12 ≡ 1 (mod 11) and moves 10 to 0 unnoticed.
    let body = (0..1000)
        .map(|s| format!("800101{s:03}"))
        .find(|b| sum(b, &[2, 4, 8, 5, 10, 9, 7, 3, 6]) % 11 == 10 && b.as_bytes()[8] <= b'7')
        .unwrap();
    let egn = with_egn_check(&body);
    assert!(egn.ends_with('0'));
    let typo = change_digit(&egn, 8, 2);
    assert!(Egn::parse(&egn).is_ok());
    assert!(Egn::parse(&typo).is_ok());
}

#[test]
fn egn_serializes_as_its_digits() {
    let e = Egn::parse("8032056031").unwrap();
    assert_eq!(serde_json::to_string(&e).unwrap(), "\"8032056031\"");
    assert_eq!(serde_json::from_str::<Egn>("\"8032056031\"").unwrap(), e);
    let err = serde_json::from_str::<Egn>("\"8032056030\"").unwrap_err();
    assert!(err.to_string().contains("egn-checksum"));
}

proptest! {
    #[test]
    fn egn_with_computed_check_digit_parses(date in egn_dates(), serial in 0u16..1000) {
        let egn = with_egn_check(&egn_body(date, serial));
        let parsed = Egn::parse(&egn);
        prop_assert!(parsed.is_ok(), "{egn}");
        prop_assert_eq!(parsed.unwrap().birth_date(), date);
    }

    #[test]
    fn egn_single_digit_change_fails_unless_it_swaps_remainders_ten_and_zero(
        egn in valid_egn(), pos in 0usize..10, delta in 1u8..10,
    ) {
        let typo = change_digit(&egn, pos, delta);
        if Egn::parse(&typo).is_ok() {
            let w = [2, 4, 8, 5, 10, 9, 7, 3, 6];
            let before = sum(&egn[..9], &w) % 11;
            let after = sum(&typo[..9], &w) % 11;
            let share_zero = |r: u32| r == 0 || r == 10;
            prop_assert!(pos < 9 && share_zero(before) && share_zero(after), "{egn} → {typo}");
        }
    }

    #[test]
    fn egn_parse_never_panics(s in "\\PC{0,14}") {
        let _ = Egn::parse(&s);
    }

    #[test]
    fn egn_parse_never_panics_on_digit_strings(s in "[0-9 ]{0,14}") {
        let _ = Egn::parse(&s);
    }
}

// --- ЛНЧ ---

#[test]
fn generated_lnch_parses_and_errors_have_codes() {
    let l = with_lnch_check("100104596");
    assert_eq!(Lnch::parse(&l).unwrap().as_str(), l);
    assert_eq!(Lnch::parse(&format!(" {l} ")).unwrap().as_str(), l);
    let wrong = change_digit(&l, 9, 1);
    assert_eq!(Lnch::parse(&wrong).unwrap_err().code(), "lnch-checksum");
    assert_eq!(Lnch::parse("").unwrap_err().code(), "lnch-empty");
    assert_eq!(Lnch::parse("123").unwrap_err().code(), "lnch-length");
    assert_eq!(
        Lnch::parse("12345x7890").unwrap_err().code(),
        "lnch-not-digits"
    );
}

proptest! {
    #[test]
    fn lnch_with_computed_check_digit_parses(lnch in valid_lnch()) {
        prop_assert!(Lnch::parse(&lnch).is_ok());
    }

    #[test]
    fn lnch_single_digit_change_always_fails(lnch in valid_lnch(), pos in 0usize..10, delta in 1u8..10) {
        // Every weight is coprime to 10, so any one changed digit changes the sum mod 10.
        prop_assert_eq!(Lnch::parse(&change_digit(&lnch, pos, delta)), Err(LnchError::Checksum));
    }

    #[test]
    fn lnch_parse_never_panics(s in "\\PC{0,14}") {
        let _ = Lnch::parse(&s);
    }
}

// --- ЕГН or ЛНЧ ---

#[test]
fn personal_number_prefers_egn_and_falls_back_to_lnch() {
    assert!(matches!(
        PersonalNumber::parse("8032056031"),
        Ok(PersonalNumber::Egn(_))
    ));
    // Month 99 is no ЕГН date, but the ЛНЧ checksum holds.
    let lnch = with_lnch_check("999999999");
    let p = PersonalNumber::parse(&lnch).unwrap();
    assert!(matches!(p, PersonalNumber::Lnch(_)));
    assert_eq!(p.as_str(), lnch);
}

#[test]
fn personal_number_valid_as_both_is_an_egn() {
    let both = (0..1000)
        .map(|s| with_egn_check(&format!("900101{s:03}")))
        .find(|n| Lnch::parse(n).is_ok())
        .unwrap();
    assert!(matches!(
        PersonalNumber::parse(&both),
        Ok(PersonalNumber::Egn(_))
    ));
}

#[test]
fn personal_number_error_codes() {
    let code = |s: &str| PersonalNumber::parse(s).unwrap_err().code();
    assert_eq!(code(""), "egn-empty");
    assert_eq!(code("123"), "egn-length");
    assert_eq!(code("12345x7890"), "egn-not-digits");
    // Fails both checksums (the ЕГН's date is fine).
    let egn_bad = change_digit("8032056031", 9, 1);
    assert!(Lnch::parse(&egn_bad).is_err());
    assert_eq!(code(&egn_bad), "personal-number-checksum");
    // Fails both checksums and the ЕГН date: still a checksum failure.
    let both_bad = change_digit(&with_lnch_check("999999999"), 9, 1);
    assert_eq!(code(&both_bad), "personal-number-checksum");
    // ЕГН checksum holds but the date does not exist, and it is no ЛНЧ: the date is wrong.
    let bad_date = (0..1000)
        .map(|s| with_egn_check(&format!("050230{s:03}")))
        .find(|n| Lnch::parse(n).is_err())
        .unwrap();
    assert_eq!(code(&bad_date), "egn-date");
}

#[test]
fn personal_number_serializes_as_its_digits() {
    let p = PersonalNumber::parse("0550290476").unwrap();
    assert_eq!(serde_json::to_string(&p).unwrap(), "\"0550290476\"");
    assert_eq!(
        serde_json::from_str::<PersonalNumber>("\"0550290476\"").unwrap(),
        p
    );
}

proptest! {
    #[test]
    fn personal_number_accepts_every_valid_egn_and_lnch(egn in valid_egn(), lnch in valid_lnch()) {
        prop_assert!(matches!(PersonalNumber::parse(&egn), Ok(PersonalNumber::Egn(_))));
        prop_assert!(PersonalNumber::parse(&lnch).is_ok());
    }

    #[test]
    fn personal_number_parse_never_panics(s in "\\PC{0,14}") {
        let _ = PersonalNumber::parse(&s);
    }
}

// --- ЕИК ---

#[test]
fn known_eiks_parse() {
    for eik in ["131071587", "175074752", "020469788"] {
        let e = Eik::parse(eik).unwrap();
        assert_eq!(e.as_str(), eik);
        assert!(!e.is_branch());
    }
}

#[test]
fn thirteen_digit_eik_checks_its_tail_and_its_entity() {
    let e = Eik::parse(&with_eik13_check("175074752", "001")).unwrap();
    assert!(e.is_branch());
    assert_eq!(e.entity().as_str(), "175074752");
    // A valid tail on an invalid entity code.
    assert_eq!(
        Eik::parse(&with_eik13_check("175074753", "001")),
        Err(EikError::Checksum)
    );
}

#[test]
fn eik_uses_the_second_weights_when_the_first_remainder_is_ten() {
    // 8 digits whose first weighted sum is 10 mod 11, and whose retry gives 1 to 9: the
    // retry's digit is accepted, and 0 (what remainder 10 would give without it) is not.
    let (body, retry) = (0..100_000_000u32)
        .step_by(7919)
        .map(|n| format!("{n:08}"))
        .filter(|b| sum(b, &[1, 2, 3, 4, 5, 6, 7, 8]) % 11 == 10)
        .map(|b| {
            let r = sum(&b, &[3, 4, 5, 6, 7, 8, 9, 10]) % 11;
            (b, r)
        })
        .find(|&(_, r)| (1..=9).contains(&r))
        .unwrap();
    assert!(Eik::parse(&format!("{body}{retry}")).is_ok());
    assert_eq!(Eik::parse(&format!("{body}0")), Err(EikError::Checksum));
}

#[test]
fn eik_errors_have_codes() {
    assert_eq!(Eik::parse("").unwrap_err().code(), "eik-empty");
    assert_eq!(Eik::parse("1310715870").unwrap_err().code(), "eik-length");
    assert_eq!(Eik::parse("13107158").unwrap_err().code(), "eik-length");
    assert_eq!(
        Eik::parse("BG131071587").unwrap_err().code(),
        "eik-not-digits"
    );
    assert_eq!(Eik::parse("131071588").unwrap_err().code(), "eik-checksum");
    assert_eq!(Eik::parse(" 131071587 ").unwrap().as_str(), "131071587");
}

#[test]
fn eik_serializes_as_its_digits() {
    let e = Eik::parse("020469788").unwrap();
    assert_eq!(serde_json::to_string(&e).unwrap(), "\"020469788\"");
    assert_eq!(serde_json::from_str::<Eik>("\"020469788\"").unwrap(), e);
    assert!(serde_json::from_str::<Eik>("\"020469789\"").is_err());
}

proptest! {
    #[test]
    fn eik9_with_computed_check_digit_parses(eik in valid_eik9()) {
        prop_assert!(Eik::parse(&eik).is_ok());
    }

    #[test]
    fn eik13_with_computed_check_digits_parses(eik in valid_eik13()) {
        prop_assert!(Eik::parse(&eik).is_ok());
    }

    #[test]
    fn eik9_single_digit_change_fails_while_the_first_remainder_is_not_ten(
        eik in valid_eik9(), pos in 0usize..9, delta in 1u8..10,
    ) {
        let typo = change_digit(&eik, pos, delta);
        let w = [1, 2, 3, 4, 5, 6, 7, 8];
        let first_path = |s: &str| sum(&s[..8], &w) % 11 != 10;
        // The check digit itself, or the first weights on both sides: always caught. Only
        // a change into or out of the retry path can, rarely, keep the same check digit.
        if pos == 8 || (first_path(&eik) && first_path(&typo)) {
            prop_assert_eq!(Eik::parse(&typo), Err(EikError::Checksum), "{} → {}", eik, typo);
        }
    }

    #[test]
    fn eik13_single_digit_change_fails_while_the_first_remainders_are_not_ten(
        eik in valid_eik13(), pos in 0usize..13, delta in 1u8..10,
    ) {
        let typo = change_digit(&eik, pos, delta);
        let first9 = |s: &str| sum(&s[..8], &[1, 2, 3, 4, 5, 6, 7, 8]) % 11 != 10;
        let first13 = |s: &str| sum(&s[8..12], &[2, 7, 3, 5]) % 11 != 10;
        let caught = match pos {
            8 | 12 => true,
            0..=7 => first9(&eik) && first9(&typo),
            _ => first13(&eik) && first13(&typo),
        };
        if caught {
            prop_assert_eq!(Eik::parse(&typo), Err(EikError::Checksum), "{} → {}", eik, typo);
        }
    }

    #[test]
    fn eik_parse_never_panics(s in "\\PC{0,16}") {
        let _ = Eik::parse(&s);
    }

    #[test]
    fn eik_parse_never_panics_on_digit_strings(s in "[0-9]{0,16}") {
        let _ = Eik::parse(&s);
    }
}
