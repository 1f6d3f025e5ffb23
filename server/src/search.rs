//! Catalogue search that ignores case (Cyrillic too) and finds Cyrillic text from Latin,
//! whether typed in the official transliteration (`naslednitsi`) or informally (`naslednici`).
//!
//! Both the document and the query are folded into one "skeleton": lower case, Cyrillic
//! transliterated by the official Bulgarian system, then the spellings people use for the
//! same sound collapsed into one letter (ts/c → c, sht → w, zh → j, ya/ia/ja → a, …).

/// Informal spellings, longest first, mapped to one symbol each.
const FOLDS: [(&str, &str); 18] = [
    ("sht", "w"),
    ("zh", "j"),
    ("ch", "4"),
    ("sh", "6"),
    ("ts", "c"),
    ("tz", "c"),
    // Official `-ия`/`-ию` (iya, iyu) and informal (ia, iu) must meet.
    ("iya", "a"),
    ("iyu", "u"),
    ("yu", "u"),
    ("iu", "u"),
    ("ju", "u"),
    ("ya", "a"),
    ("ia", "a"),
    ("ja", "a"),
    ("y", "i"),
    ("x", "h"),
    ("w", "v"),
    ("q", "k"),
];

/// The folded form of a text, words separated by single spaces.
pub fn skeleton(text: &str) -> String {
    let mut latin = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if let Some(t) = crate::transliteration::translit(c) {
            latin.push_str(t);
        } else if c.is_alphanumeric() {
            latin.push(c);
        } else {
            latin.push(' ');
        }
    }
    let mut out = String::with_capacity(latin.len());
    for word in latin.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        let mut rest = word;
        'outer: while !rest.is_empty() {
            for (from, to) in FOLDS {
                if let Some(r) = rest.strip_prefix(from) {
                    out.push_str(to);
                    rest = r;
                    continue 'outer;
                }
            }
            let c = rest.chars().next().unwrap_or(' ');
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// True when every word of the query occurs in the document (both as skeletons).
pub fn matches(document_skeleton: &str, query: &str) -> bool {
    let q = skeleton(query);
    q.split_whitespace().all(|w| document_skeleton.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyrillic_matches_regardless_of_case() {
        let doc = skeleton("Издаване на удостоверение за НАСЛЕДНИЦИ");
        assert!(matches(&doc, "наследници"));
        assert!(matches(&doc, "Наследници"));
        assert!(matches(&doc, "УДОСТОВЕРЕНИЕ"));
        assert!(!matches(&doc, "скица"));
    }

    #[test]
    fn latin_official_and_informal_transliteration_find_cyrillic() {
        let doc = skeleton("Удостоверение за наследници");
        assert!(matches(&doc, "naslednitsi"));
        assert!(matches(&doc, "naslednici"));
        assert!(matches(&doc, "udostoverenie naslednici"));
        let doc = skeleton("Скица на поземлен имот");
        assert!(matches(&doc, "skica"));
        assert!(matches(&doc, "skitsa"));
        let doc = skeleton("Удостоверение за търпимост");
        assert!(matches(&doc, "tarpimost"));
        let doc = skeleton("Издаване на удостоверение за липса на задължения");
        assert!(matches(&doc, "zadalzhenia"));
        assert!(matches(&doc, "zadaljeniya"));
        let doc = skeleton("Категоризация на заведение");
        assert!(matches(&doc, "kategorizatsiya"));
        assert!(matches(&doc, "kategorizacia"));
        let doc = skeleton("Честотата на сметосъбиране");
        assert!(matches(&doc, "chestota"));
        assert!(matches(&doc, "4estota"));
    }

    #[test]
    fn every_query_word_must_match() {
        let doc = skeleton("Дубликат на удостоверение за раждане");
        assert!(matches(&doc, "дубликат раждане"));
        assert!(!matches(&doc, "дубликат смърт"));
        assert!(matches(&doc, "  "), "an empty query matches everything");
    }
}
