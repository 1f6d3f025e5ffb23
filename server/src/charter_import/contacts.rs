//! Charter importer: contacts.

use super::*;

#[derive(Debug, Clone)]
pub(super) struct Token {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: ContactKind,
    pub(super) display: String,
    pub(super) value: String,
}

/// Finds e-mail addresses, web addresses (`http(s)://…`, `www.…`) and Bulgarian phone numbers
/// (`0777 / 80 381`, `0721 68701`, `+359 2 123 4567`) in a line, in text order.
pub(super) fn find_contact_tokens(s: &str) -> Vec<Token> {
    let b = s.as_bytes();
    let mut tokens: Vec<Token> = Vec::new();
    let overlaps =
        |tokens: &[Token], a: usize, z: usize| tokens.iter().any(|t| a < t.end && t.start < z);

    for (at, _) in s.match_indices('@') {
        let local = |c: u8| c.is_ascii_alphanumeric() || b"._%+-".contains(&c);
        let domain = |c: u8| c.is_ascii_alphanumeric() || b".-".contains(&c);
        let mut a = at;
        while a > 0 && local(b[a - 1]) {
            a -= 1;
        }
        let mut z = at + 1;
        while z < b.len() && domain(b[z]) {
            z += 1;
        }
        while z > at + 1 && matches!(b[z - 1], b'.' | b'-') {
            z -= 1;
        }
        let host = &s[at + 1..z];
        if a == at || !host.contains('.') || host.starts_with('.') {
            continue;
        }
        let address = s[a..z].to_string();
        tokens.push(Token {
            start: a,
            end: z,
            kind: ContactKind::Email,
            display: address.clone(),
            value: address,
        });
    }

    let lower = s.to_ascii_lowercase();
    for pattern in ["https://", "http://", "www."] {
        for (a, _) in lower.match_indices(pattern) {
            if a > 0 && (b[a - 1].is_ascii_alphanumeric() || matches!(b[a - 1], b'.' | b'/' | b'@'))
            {
                continue;
            }
            let mut z = a;
            while z < b.len()
                && b[z].is_ascii()
                && !b[z].is_ascii_whitespace()
                && !b"<>\"'".contains(&b[z])
            {
                z += 1;
            }
            while z > a && b".,;:!?)".contains(&b[z - 1]) {
                z -= 1;
            }
            if overlaps(&tokens, a, z) {
                continue;
            }
            let raw = &s[a..z];
            let bare = raw
                .strip_prefix("https://")
                .or_else(|| raw.strip_prefix("http://"))
                .unwrap_or(raw);
            let host = bare.split('/').next().unwrap_or_default();
            let valid_host = host.contains('.')
                && !host.ends_with('.')
                && host
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || b".-".contains(&c));
            if !valid_host {
                continue;
            }
            let value = if bare.len() == raw.len() {
                format!("https://{raw}")
            } else {
                raw.to_string()
            };
            tokens.push(Token {
                start: a,
                end: z,
                kind: ContactKind::Web,
                display: bare.trim_end_matches('/').to_string(),
                value,
            });
        }
    }

    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next_digit = b.get(i + 1).is_some_and(u8::is_ascii_digit);
        let starts = c.is_ascii_digit() || (matches!(c, b'+' | b'(') && next_digit);
        let boundary = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] >= 0x80);
        if !starts || !boundary || overlaps(&tokens, i, i + 1) {
            i += 1;
            continue;
        }
        let mut z = i + 1;
        while z < b.len() {
            match b[z] {
                b'0'..=b'9' | b'/' | b'-' | b'(' | b')' => z += 1,
                b' ' if b
                    .get(z + 1)
                    .is_some_and(|n| n.is_ascii_digit() || b"/-(".contains(n)) =>
                {
                    z += 1
                }
                _ => break,
            }
        }
        while z > i && matches!(b[z - 1], b' ' | b'/' | b'-' | b'(') {
            z -= 1;
        }
        let raw = &s[i..z];
        if let Some(value) = e164(raw) {
            let display = raw
                .replace(['(', ')'], "")
                .replace(['/', '-'], " ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            tokens.push(Token {
                start: i,
                end: z,
                kind: ContactKind::Phone,
                display,
                value,
            });
        }
        i = z.max(i + 1);
    }

    tokens.sort_by_key(|t| t.start);
    tokens
}

/// A Bulgarian number in E.164: `0777 / 80 381` → `+35977780381` (the trunk 0 dropped), also
/// `+359 …` and `00359 …`; 8 or 9 digits after the country code.
pub(super) fn e164(raw: &str) -> Option<String> {
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    let national = if let Some(rest) = digits.strip_prefix("00359") {
        rest
    } else if raw.starts_with('+') {
        digits.strip_prefix("359")?
    } else {
        digits.strip_prefix('0')?
    };
    let ok = (8..=9).contains(&national.len()) && !national.starts_with('0');
    ok.then(|| format!("+359{national}"))
}

/// The words that only say what kind a contact is; a label of only these is no label.
pub(super) fn is_marker_label(label: &str) -> bool {
    const MARKERS: &[&str] = &[
        "тел",
        "телефон",
        "телефони",
        "tel",
        "phone",
        "gsm",
        "моб",
        "мобилен",
        "факс",
        "fax",
        "e",
        "е",
        "mail",
        "email",
        "имейл",
        "ел",
        "поща",
        "електронна",
        "web",
        "уеб",
        "сайт",
        "уебсайт",
        "website",
        "url",
        "адрес",
    ];
    let lower = label.to_lowercase();
    let mut words = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some() && words.all(|w| MARKERS.contains(&w))
}

/// The label from the text before a contact: after the last `,`/`;`, without dot leaders,
/// colons and dashes, without a final copula (`… Радомир е:`); `None` for bare markers such as
/// `тел.:` or `e-mail:`.
pub(super) fn label_from(segment: &str) -> Option<String> {
    let part = segment.rsplit([',', ';']).next().unwrap_or_default();
    let trim = |c: char| {
        c.is_whitespace() || matches!(c, '.' | ':' | '-' | '–' | '—' | '…' | '<' | '>' | '|')
    };
    let mut label = part.trim_matches(trim).to_string();
    for copula in [" е", " са"] {
        if let Some(stripped) = label.strip_suffix(copula) {
            label = stripped.trim_matches(trim).to_string();
        }
    }
    (!label.is_empty() && !is_marker_label(&label)).then_some(label)
}

pub(super) fn contact_from(token: &Token, segment: &str, line: usize) -> ImportedContact {
    let lower = segment.to_lowercase();
    let kind = if token.kind == ContactKind::Phone
        && (lower.contains("факс") || lower.contains("fax"))
    {
        ContactKind::Fax
    } else {
        token.kind
    };
    ImportedContact {
        kind,
        label: label_from(segment),
        display: token.display.clone(),
        value: token.value.clone(),
        line,
    }
}

/// All contacts in a (letterhead) line, whatever else the line says.
pub(super) fn contacts_in(text: &str, line: usize) -> Vec<ImportedContact> {
    let mut prev = 0;
    find_contact_tokens(text)
        .iter()
        .map(|t| {
            let contact = contact_from(t, &text[prev..t.start], line);
            prev = t.end;
            contact
        })
        .collect()
}

/// A body line that is only contacts: `ДЕЛОВОДСТВО: ......0777 / 80 381`, `тел.: 0721 68701,
/// Fax: 0721 68777`, `Интернет страницата на община Радомир е: www.radomir.bg`. The text before
/// the first contact has at most 8 words, between contacts at most 4, and nothing but
/// punctuation follows the last one; otherwise the line is prose that mentions a contact.
pub(super) fn contact_line(text: &str, line: usize) -> Option<Vec<ImportedContact>> {
    let tokens = find_contact_tokens(text);
    if tokens.is_empty() {
        return None;
    }
    let mut prev = 0;
    let mut out = Vec::with_capacity(tokens.len());
    for (k, token) in tokens.iter().enumerate() {
        let segment = &text[prev..token.start];
        if word_count(segment) > if k == 0 { 8 } else { 4 } {
            return None;
        }
        out.push(contact_from(token, segment, line));
        prev = token.end;
    }
    let tail = text[prev..].trim_matches(|c: char| c.is_whitespace() || ".,;:>".contains(c));
    tail.is_empty().then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_become_e164_with_readable_display() {
        let t = find_contact_tokens("ДЕЛОВОДСТВО: ....0777 / 80 381");
        assert_eq!(
            (t[0].display.as_str(), t[0].value.as_str()),
            ("0777 80 381", "+35977780381")
        );
        let t = find_contact_tokens("тел. +359 2 981 2345, GSM 0888 123 456");
        let values: Vec<&str> = t.iter().map(|t| t.value.as_str()).collect();
        assert_eq!(values, vec!["+35929812345", "+359888123456"]);
        assert!(find_contact_tokens("Дата:29.01.2015 г., п.к. 2230, ISO 9001:2008").is_empty());
    }

    #[test]
    fn prose_mentioning_a_phone_is_a_paragraph_not_a_contact_line() {
        assert!(contact_line(
            "За повече информация можете да се обадите в рабочно време на телефон 0777 80 381 или да дойдете.",
            1
        )
        .is_none());
        let c = contact_line("тел.: 0721 68701, Fax: 0721 68777", 1).expect("contact line");
        assert_eq!(
            c.iter().map(|c| c.kind).collect::<Vec<_>>(),
            vec![ContactKind::Phone, ContactKind::Fax]
        );
        assert!(c.iter().all(|c| c.label.is_none()));
    }
}
