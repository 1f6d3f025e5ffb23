//! The charter importer on whole documents: every seed charter, and the texts it refuses.

use gishe_api::{ContactKind, SectionRole};
use gishe_server::charter_import::*;
use std::collections::HashSet;

const RADOMIR: &str = include_str!("../data/charters/radomir.txt");
const RUSE: &str = include_str!("../data/charters/ruse.txt");
const KOSTINBROD: &str = include_str!("../data/charters/kostinbrod.txt");
const NOVA_ZAGORA: &str = include_str!("../data/charters/nova-zagora.txt");
const RUSE_FIXTURE: &str = include_str!("../tests/fixtures/charter-000-ruse-standards.txt");

fn import(text: &str) -> ImportedCharter {
    parse_charter(text, &Hints::default()).expect("the charter imports")
}

fn lists(blocks: &[ImportedBlock]) -> Vec<(Option<&str>, bool, &[String])> {
    blocks
        .iter()
        .filter_map(|b| match b {
            ImportedBlock::List {
                lead,
                ordered,
                items,
            } => Some((lead.as_deref(), *ordered, items.as_slice())),
            _ => None,
        })
        .collect()
}

fn paragraphs(blocks: &[ImportedBlock]) -> Vec<&str> {
    blocks
        .iter()
        .filter_map(|b| match b {
            ImportedBlock::Paragraph(t) => Some(t.as_str()),
            _ => None,
        })
        .collect()
}

fn all_blocks(section: &ImportedSection) -> Vec<&ImportedBlock> {
    section
        .blocks
        .iter()
        .chain(section.subsections.iter().flat_map(|s| s.blocks.iter()))
        .collect()
}

fn item_count(section: &ImportedSection) -> usize {
    all_blocks(section)
        .iter()
        .map(|b| match b {
            ImportedBlock::List { items, .. } => items.len(),
            _ => 0,
        })
        .sum()
}

fn all_items(charter: &ImportedCharter) -> Vec<String> {
    charter
        .sections
        .iter()
        .flat_map(all_blocks)
        .flat_map(|b| match b {
            ImportedBlock::List { items, .. } => items.clone(),
            _ => Vec::new(),
        })
        .collect()
}

fn ids(charter: &ImportedCharter) -> Vec<String> {
    charter
        .sections
        .iter()
        .flat_map(|s| {
            std::iter::once(s.id.clone()).chain(s.subsections.iter().map(|x| x.id.clone()))
        })
        .collect()
}

fn without_lines(mut sections: Vec<ImportedSection>) -> Vec<ImportedSection> {
    for s in &mut sections {
        s.line = 0;
        for sub in &mut s.subsections {
            sub.line = 0;
        }
    }
    sections
}

// ---- radomir (seed 001)

#[test]
fn radomir_has_four_numbered_sections_with_latin_numerals_and_roles() {
    let c = import(RADOMIR);
    let got: Vec<(&str, Option<&str>, SectionRole)> = c
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.numeral.as_deref(), s.role))
        .collect();
    assert_eq!(
        got,
        vec![
            ("i", Some("I"), SectionRole::General),
            ("ii", Some("II"), SectionRole::Standards),
            ("iii", Some("III"), SectionRole::Duties),
            ("iv", Some("IV"), SectionRole::Contacts),
        ]
    );
    assert_eq!(c.sections[0].title, "ЦЕЛ, ПРИНЦИПИ, ПРИОРИТЕТИ");
    assert_eq!(c.sections[3].title, "АДМИНИСТРАТИВНО ОБСЛУЖВАНЕ");
    assert_eq!(c.sections[3].line, 85);
}

#[test]
fn radomir_letter_spaced_title_is_the_title_and_not_content() {
    let c = import(RADOMIR);
    assert_eq!(c.title.as_deref(), Some("ХАРТА НА КЛИЕНТА"));
    assert!(c.letterhead.is_empty());
}

#[test]
fn radomir_counts_subsections_and_items() {
    let c = import(RADOMIR);
    let subs: Vec<usize> = c.sections.iter().map(|s| s.subsections.len()).collect();
    assert_eq!(subs, vec![0, 7, 0, 0]);
    let items: Vec<usize> = c.sections.iter().map(item_count).collect();
    assert_eq!(items, vec![22, 24, 7, 0]);
    let per_sub: Vec<usize> = c.sections[1]
        .subsections
        .iter()
        .map(|s| lists(&s.blocks).iter().map(|l| l.2.len()).sum())
        .collect();
    assert_eq!(per_sub, vec![3, 3, 4, 3, 4, 3, 4]);
    let items = all_items(&c);
    assert_eq!(
        items.first().map(String::as_str),
        Some("Насърчаване на планиран целенасочен растеж;")
    );
    assert_eq!(
        items.last().map(String::as_str),
        Some("да уважават институцията, като посещават общината в подходящо облекло.")
    );
}

#[test]
fn radomir_numbered_subsections_get_number_ids_and_clean_titles() {
    let c = import(RADOMIR);
    let subs = &c.sections[1].subsections;
    let got: Vec<(&str, Option<u32>, &str)> = subs
        .iter()
        .map(|s| (s.id.as_str(), s.number, s.title.as_str()))
        .collect();
    assert_eq!(got[0], ("ii-1", Some(1), "Отношение към клиента"));
    assert_eq!(got[1], ("ii-2", Some(2), "Информация за клиента"));
    assert_eq!(got[4], ("ii-5", Some(5), "Изпълнение на сроковете"));
    assert_eq!(got[6], ("ii-7", Some(7), "Отговорност и отчетност"));
}

#[test]
fn radomir_long_colon_lines_are_list_leads_and_an_item_ending_in_a_lead_is_split() {
    let c = import(RADOMIR);
    let l = lists(&c.sections[0].blocks);
    assert_eq!(l.len(), 3);
    assert!(l[0].0.is_some_and(|t| t.ends_with("посредством:")));
    assert_eq!(l[0].2.len(), 8);
    assert_eq!(
        l[1].0,
        Some("За достигане на добро ниво на административното обслужване, общинската администрация се основава на принципите:")
    );
    assert_eq!(l[1].2.len(), 6);
    assert_eq!(
        l[1].2[5],
        "Спазване на стандарти за обслужване и публикуване резултатите от дейността."
    );
    assert_eq!(
        l[2].0,
        Some("За тази цел общинската администрация се ангажира да извърши следното:")
    );
    assert_eq!(l[2].2.len(), 8);
    assert_eq!(paragraphs(&c.sections[0].blocks).len(), 5);
    let duties = lists(&c.sections[2].blocks);
    assert!(duties[0]
        .0
        .is_some_and(|t| t.contains("очакваме от гражданите")));
}

#[test]
fn radomir_contacts_block_has_three_phones_in_e164_and_the_web_address() {
    let c = import(RADOMIR);
    let iv = &c.sections[3];
    assert_eq!(paragraphs(&iv.blocks).len(), 5);
    assert!(matches!(&iv.blocks[4], ImportedBlock::Paragraph(t) if t.ends_with("на телефони:")));
    let Some(ImportedBlock::Contacts(contacts)) = iv.blocks.last() else {
        panic!("no contacts block: {:?}", iv.blocks);
    };
    let got: Vec<(ContactKind, Option<&str>, &str, &str, usize)> = contacts
        .iter()
        .map(|c| {
            (
                c.kind,
                c.label.as_deref(),
                c.display.as_str(),
                c.value.as_str(),
                c.line,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                ContactKind::Phone,
                Some("ДЕЛОВОДСТВО"),
                "0777 80 381",
                "+35977780381",
                97
            ),
            (
                ContactKind::Phone,
                Some("МЕСТНИ ДАНЪЦИ И ТАКСИ"),
                "0777 80 147",
                "+35977780147",
                98
            ),
            (
                ContactKind::Phone,
                Some("ТСУ"),
                "0777 80 512",
                "+35977780512",
                99
            ),
            (
                ContactKind::Web,
                Some("Интернет страницата на община Радомир"),
                "www.radomir.bg",
                "https://www.radomir.bg",
                100
            ),
        ]
    );
}

// ---- ruse (seed 002) and the fixture (seed 000)

#[test]
fn ruse_fixture_has_six_sections_and_twenty_one_items() {
    let c = import(RUSE_FIXTURE);
    assert_eq!(c.title, None);
    let got: Vec<(&str, &str)> = c
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.title.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("i", "ОТНОШЕНИЕ КЪМ КЛИЕНТИТЕ"),
            ("ii", "ИНФОРМАЦИЯ ЗА КЛИЕНТИТЕ"),
            ("iii", "КОМУНИКАЦИЯ С КЛИЕНТИТЕ"),
            ("iv", "СПАЗВАНЕ НА СРОКОВЕ"),
            ("v", "МЕХАНИЗМИ ЗА ОБРАТНА ВРЪЗКА"),
            ("vi", "ОТГОВОРНОСТ И ОТЧЕТНОСТ"),
        ]
    );
    let items: Vec<usize> = c.sections.iter().map(item_count).collect();
    assert_eq!(items, vec![4, 4, 4, 2, 2, 5]);
    assert!(c.sections.iter().all(|s| s.subsections.is_empty()));
    assert!(c.sections.iter().all(|s| s.role == SectionRole::General));
    let items = all_items(&c);
    assert!(items[0].starts_with("Предоставяне на еднакъв достъп до услугите"));
    assert_eq!(
        items[3],
        "Служителите отговарят на въпроси на гражданите, в рамките на своите правомощия и \
         компетентност и при необходимост ги пренасочват към служители, притежаващи по – \
         висока компетентност."
    );
    assert_eq!(
        items.last().map(String::as_str),
        Some("Регулярно отчитане и запознаване на всички заинтересовани страни за постигнатите резултати, спрямо заложените цели и показатели.")
    );
}

#[test]
fn ruse_with_cut_hint_matches_the_fixture() {
    let hints = Hints {
        cut_from: vec!["Автор Община Русе".into()],
        ..Hints::default()
    };
    let ruse = parse_charter(RUSE, &hints).expect("imports");
    let fixture = import(RUSE_FIXTURE);
    assert_eq!(
        without_lines(ruse.sections),
        without_lines(fixture.sections)
    );
    assert_eq!(ruse.title.as_deref(), Some("Стандарти за обслужване"));
}

#[test]
fn ruse_web_page_leftovers_are_cut_by_rule_without_hints() {
    let ruse = import(RUSE);
    let fixture = import(RUSE_FIXTURE);
    assert_eq!(
        without_lines(ruse.sections.clone()),
        without_lines(fixture.sections)
    );
    assert!(all_items(&ruse)
        .last()
        .is_some_and(|t| t.ends_with("показатели.")));
    let text: String = ruse.texts().into_iter().map(|(_, t)| t).collect();
    for junk in ["Автор", "kbit", "Популярни", "ЕООД", "секунди"] {
        assert!(!text.contains(junk), "{junk} leaked");
    }
}

#[test]
fn role_hints_override_the_guess() {
    let hints = Hints {
        standards: ["i", "ii", "iii", "iv", "v", "vi"]
            .map(String::from)
            .to_vec(),
        ..Hints::default()
    };
    let c = parse_charter(RUSE_FIXTURE, &hints).expect("imports");
    assert!(c.sections.iter().all(|s| s.role == SectionRole::Standards));
    let hints = Hints {
        contacts: vec!["ii".into()],
        duties: vec!["iv".into()],
        ..Hints::default()
    };
    let c = parse_charter(RADOMIR, &hints).expect("imports");
    assert_eq!(c.sections[1].role, SectionRole::Contacts);
    assert_eq!(c.sections[3].role, SectionRole::Duties);
}

#[test]
fn a_role_hint_for_a_missing_section_is_an_error() {
    let hints = Hints {
        duties: vec!["vii".into()],
        ..Hints::default()
    };
    let err = parse_charter(RUSE_FIXTURE, &hints).unwrap_err();
    assert_eq!(err.code(), "unknown_hint_section");
    assert!(err.to_string().contains("`vii`"));
}

#[test]
fn drop_lines_hint_drops_lines_by_prefix() {
    let hints = Hints {
        drop_lines: vec!["· Любезно".into()],
        ..Hints::default()
    };
    let c = parse_charter(RUSE_FIXTURE, &hints).expect("imports");
    assert_eq!(item_count(&c.sections[0]), 3);
}

// ---- kostinbrod (seed 003)

#[test]
fn kostinbrod_unnumbered_capital_headings_become_sections_with_slug_ids() {
    let c = import(KOSTINBROD);
    let got: Vec<(&str, Option<&str>, &str, SectionRole, usize)> = c
        .sections
        .iter()
        .map(|s| {
            (
                s.id.as_str(),
                s.numeral.as_deref(),
                s.title.as_str(),
                s.role,
                s.line,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "obshti-polozheniya",
                None,
                "ОБЩИ ПОЛОЖЕНИЯ",
                SectionRole::General,
                29
            ),
            (
                "osnovni-tseli-na-hartata",
                None,
                "ОСНОВНИ ЦЕЛИ НА ХАРТАТА",
                SectionRole::General,
                33
            ),
            (
                "standarti-na-administrativno-obsluzhdane",
                None,
                "СТАНДАРТИ НА АДМИНИСТРАТИВНО ОБСЛУЖДАНЕ",
                SectionRole::Standards,
                43
            ),
        ]
    );
}

#[test]
fn kostinbrod_title_spans_three_lines_and_the_letterhead_gives_contacts() {
    let c = import(KOSTINBROD);
    assert_eq!(
        c.title.as_deref(),
        Some("ХАРТА НА КЛИЕНТА И СТАНДАРТИ ЗА АДМИНИСТРАТИВНО ОБСЛУЖВАНЕ В ОБЩИНА КОСТИНБРОД")
    );
    let got: Vec<(ContactKind, Option<&str>, &str, &str, usize)> = c
        .letterhead
        .iter()
        .map(|c| {
            (
                c.kind,
                c.label.as_deref(),
                c.display.as_str(),
                c.value.as_str(),
                c.line,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (ContactKind::Phone, None, "0721 68701", "+35972168701", 8),
            (ContactKind::Fax, None, "0721 68777", "+35972168777", 8),
            (
                ContactKind::Web,
                None,
                "www.kostinbrod.bg",
                "http://www.kostinbrod.bg",
                9
            ),
            (
                ContactKind::Email,
                None,
                "obshtina@kbrod.net",
                "obshtina@kbrod.net",
                9
            ),
        ]
    );
    let text: String = c.texts().into_iter().map(|(_, t)| t).collect();
    for junk in [
        "УТВЪРДИЛ",
        "ДИМИТРОВ",
        "Дата",
        "ISO 9001",
        "Certificate",
        "Софийска",
    ] {
        assert!(!text.contains(junk), "{junk} leaked into the sections");
    }
}

#[test]
fn kostinbrod_short_colon_lines_are_subsections_with_slug_ids() {
    let c = import(KOSTINBROD);
    let standards = &c.sections[2];
    assert!(standards.blocks.is_empty());
    let got: Vec<(&str, Option<u32>, &str, usize)> = standards
        .subsections
        .iter()
        .map(|s| {
            (
                s.id.as_str(),
                s.number,
                s.title.as_str(),
                item_count_blocks(&s.blocks),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "standarti-na-administrativno-obsluzhdane-otnoshenie-kam-vas-klienti",
                None,
                "Отношение към Вас, клиенти",
                9
            ),
            (
                "standarti-na-administrativno-obsluzhdane-informatsiya-za-vas-klienti",
                None,
                "Информация за Вас, клиенти",
                3
            ),
        ]
    );
    let items: Vec<usize> = c.sections.iter().map(item_count).collect();
    assert_eq!(items, vec![0, 5, 12]);
    let all = all_items(&c);
    assert_eq!(all[0], "Да подобрява достъпа до административни услуги;");
    assert_eq!(
        all.last().map(String::as_str),
        Some("За Вас сме подготвили ясни и лесно разбираеми формуляри и заявления, за да се опрости процеса на обслужване;")
    );
    // A web address inside a list item stays in the item.
    assert!(all.iter().any(|i| i.ends_with("www.kostinbrod.bg;")));
    assert_eq!(
        paragraphs(&c.sections[1].blocks),
        vec!["За осъществяване на тези цели ние имаме нужда от Вашето съдействие и бихме оценили високо всяко изказано от Вас мнение, критика или препоръка."]
    );
}

fn item_count_blocks(blocks: &[ImportedBlock]) -> usize {
    lists(blocks).iter().map(|l| l.2.len()).sum()
}

// ---- nova-zagora (seed 004)

#[test]
fn nova_zagora_drops_approval_block_and_motto_and_keeps_the_title() {
    let c = import(NOVA_ZAGORA);
    assert_eq!(c.title.as_deref(), Some("ХАРТА НА КЛИЕНТА"));
    let got: Vec<(&str, &str, SectionRole)> = c
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.title.as_str(), s.role))
        .collect();
    assert_eq!(
        got,
        vec![
            ("i", "ОБЩИ ПОЛОЖЕНИЯ", SectionRole::General),
            (
                "ii",
                "ОСНОВНИ ПРИНЦИПИ НА АДМИНИСТРАТИВНОТО ОБСЛУЖВАНЕ",
                SectionRole::General
            ),
        ]
    );
    let text: String = c.texts().into_iter().map(|(_, t)| t).collect();
    for junk in [
        "СЛИЦЕ",
        "Грозев",
        "ГРЪНОВА",
        "Грѣнова",
        "СЕКРЕТАР",
        "УТВЪРДИЛ",
    ] {
        assert!(!text.contains(junk), "{junk} leaked");
    }
}

#[test]
fn nova_zagora_unmarked_short_lines_after_a_lead_form_a_five_item_list() {
    let c = import(NOVA_ZAGORA);
    let l = lists(&c.sections[0].blocks);
    assert_eq!(l.len(), 1);
    assert_eq!(l[0].0, Some("Хартата на клиента определя:"));
    assert!(!l[0].1);
    assert_eq!(l[0].2.len(), 5);
    assert_eq!(
        l[0].2[0],
        "Общите и собствените стандарти за качество на административното обслужване."
    );
    assert!(l[0].2[4].starts_with("Възможностите за Вашето активно участие"));
    let p = paragraphs(&c.sections[0].blocks);
    assert_eq!(p.len(), 8);
    assert!(p[4].starts_with("Вашето съдействие"));
}

#[test]
fn nova_zagora_sentence_split_by_a_blank_line_is_joined() {
    let c = import(NOVA_ZAGORA);
    let p = paragraphs(&c.sections[0].blocks);
    let joined = p
        .iter()
        .find(|t| t.starts_with("Тази **Харта**"))
        .expect("the paragraph");
    assert!(joined.contains("поетите към Вас ангажменти, за да бъде"));
    assert!(!p.iter().any(|t| t.starts_with("ангажменти")));
}

#[test]
fn nova_zagora_emphasis_markers_are_kept() {
    let c = import(NOVA_ZAGORA);
    let p = paragraphs(&c.sections[0].blocks);
    assert!(p.iter().any(|t| t.contains("**сертификат по ISO 9001**")));
    let l = lists(&c.sections[1].blocks);
    assert!(l[0]
        .0
        .is_some_and(|t| t.contains("**Общинска администрация Нова Загора се ръководи**")));
    assert!(c.texts().iter().all(|(_, t)| !t.contains('<')));
}

#[test]
fn nova_zagora_numbered_lines_ending_in_semicolons_are_an_ordered_list_not_subsections() {
    let c = import(NOVA_ZAGORA);
    let ii = &c.sections[1];
    assert!(ii.subsections.is_empty());
    let l = lists(&ii.blocks);
    assert_eq!(l.len(), 1);
    assert!(l[0].1, "ordered");
    assert!(l[0].0.is_some_and(|t| t.ends_with("гарантиране на:")));
    assert_eq!(l[0].2.len(), 6);
    assert_eq!(
        l[0].2[0],
        "Равен достъп до административните услуги и до информация за административното обслужване;"
    );
    assert_eq!(
        l[0].2[5],
        "изпълнение на задълженията във връзка с административното обслужване по предварително разработени и обявени правила;"
    );
}

// ---- all seeds

fn seeds() -> Vec<(&'static str, &'static str)> {
    vec![
        ("000", RUSE_FIXTURE),
        ("001", RADOMIR),
        ("002", RUSE),
        ("003", KOSTINBROD),
        ("004", NOVA_ZAGORA),
    ]
}

#[test]
fn each_seed_has_the_expected_section_subsection_and_item_counts_and_edge_items() {
    let expected = [
        (
            "000",
            6,
            0,
            21,
            "Предоставяне на еднакъв достъп",
            "цели и показатели.",
        ),
        (
            "001",
            4,
            7,
            53,
            "Насърчаване на планиран",
            "в подходящо облекло.",
        ),
        (
            "002",
            6,
            0,
            21,
            "Предоставяне на еднакъв достъп",
            "цели и показатели.",
        ),
        (
            "003",
            3,
            2,
            17,
            "Да подобрява достъпа",
            "процеса на обслужване;",
        ),
        (
            "004",
            2,
            0,
            11,
            "Общите и собствените",
            "разработени и обявени правила;",
        ),
    ];
    for ((seed, text), (want_seed, sections, subsections, items, first, last)) in
        seeds().into_iter().zip(expected)
    {
        assert_eq!(seed, want_seed);
        let c = import(text);
        let subs: usize = c.sections.iter().map(|s| s.subsections.len()).sum();
        let all = all_items(&c);
        assert_eq!(
            (c.sections.len(), subs, all.len()),
            (sections, subsections, items),
            "seed {seed}"
        );
        assert!(
            all.first().is_some_and(|i| i.starts_with(first)),
            "seed {seed}"
        );
        assert!(all.last().is_some_and(|i| i.ends_with(last)), "seed {seed}");
    }
}

#[test]
fn lines_without_letters_or_digits_are_dropped_from_bodies() {
    let c = import("I. ОБЩИ\n•\n- \n________\n• едно;\n***\n• две.\n");
    assert_eq!(c.sections[0].blocks.len(), 1);
    assert_eq!(item_count(&c.sections[0]), 2);
}

#[test]
fn reimport_gives_identical_ids_and_structures() {
    for (seed, text) in seeds() {
        let a = import(text);
        let b = import(text);
        assert_eq!(ids(&a), ids(&b), "seed {seed}");
        assert_eq!(a, b, "seed {seed}");
    }
}

#[test]
fn ids_and_translation_keys_are_unique() {
    for (seed, text) in seeds() {
        let c = import(text);
        let ids = ids(&c);
        let unique: HashSet<&String> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "seed {seed}");
        let keys: Vec<String> = c.texts().into_iter().map(|(k, _)| k).collect();
        let unique: HashSet<&String> = keys.iter().collect();
        assert_eq!(unique.len(), keys.len(), "seed {seed}");
    }
}

#[test]
fn no_output_text_has_double_spaces_nbsp_tabs_or_edge_whitespace() {
    for (seed, text) in seeds() {
        let c = import(text);
        let mut all: Vec<String> = c.texts().into_iter().map(|(_, t)| t).collect();
        all.extend(c.title.clone());
        for contact in c.letterhead.iter().chain(c.sections.iter().flat_map(|s| {
            all_blocks(s).into_iter().flat_map(|b| match b {
                ImportedBlock::Contacts(cs) => cs.iter().collect(),
                _ => Vec::new(),
            })
        })) {
            all.push(contact.display.clone());
        }
        for t in all {
            assert!(!t.contains("  "), "seed {seed}: double space in {t:?}");
            assert!(!t.contains('\u{a0}'), "seed {seed}: NBSP in {t:?}");
            assert!(!t.contains('\t'), "seed {seed}: tab in {t:?}");
            assert_eq!(t.trim(), t, "seed {seed}");
            assert!(!t.is_empty(), "seed {seed}");
        }
    }
}

#[test]
fn list_items_have_their_markers_stripped() {
    for (seed, text) in seeds() {
        for item in all_items(&import(text)) {
            assert!(
                !item.starts_with(['•', '·', '-', '–']) && !has_number_marker(&item),
                "seed {seed}: {item:?}"
            );
        }
    }
}

#[test]
fn texts_use_the_documented_keys_in_document_order() {
    let c = import(RADOMIR);
    let texts = c.texts();
    assert_eq!(
        texts[0],
        ("i.title".into(), "ЦЕЛ, ПРИНЦИПИ, ПРИОРИТЕТИ".into())
    );
    assert_eq!(texts[1].0, "i.b0");
    let keys: Vec<&str> = texts.iter().map(|(k, _)| k.as_str()).collect();
    assert!(keys.contains(&"i.b2.lead"));
    assert!(keys.contains(&"i.b2.i0"));
    assert!(keys.contains(&"ii-1.title"));
    assert!(keys.contains(&"ii-1.b0.i2"));
    let i = keys
        .iter()
        .position(|k| *k == "iv.b5.c0")
        .expect("contact label key");
    assert_eq!(texts[i].1, "ДЕЛОВОДСТВО");
    assert_eq!(keys.last(), Some(&"iv.b5.c3"));
    let c = import(KOSTINBROD);
    let keys: Vec<String> = c.texts().into_iter().map(|(k, _)| k).collect();
    assert!(keys.contains(
        &"standarti-na-administrativno-obsluzhdane-otnoshenie-kam-vas-klienti.b0.i8".to_string()
    ));
}

// ---- refusals

#[test]
fn empty_or_blank_input_is_an_error_at_line_1() {
    for text in ["", "\n\n", "  \t\u{a0}\n \n", "\u{feff}"] {
        let err = parse_charter(text, &Hints::default()).unwrap_err();
        assert_eq!(err, ImportError::Empty { line: 1 }, "{text:?}");
        assert_eq!(err.code(), "empty");
    }
}

#[test]
fn html_is_refused_at_the_line_of_the_first_tag() {
    let html = "\n\n<!DOCTYPE html>\n<html><body><h1>I. ОБЩИ</h1></body></html>\n";
    assert_eq!(
        parse_charter(html, &Hints::default()),
        Err(ImportError::Markup { line: 3 })
    );
    let mixed = "I. ОБЩИ ПОЛОЖЕНИЯ\nТекст.\n<div class=\"x\">\nII. СТАНДАРТИ\n";
    let err = parse_charter(mixed, &Hints::default()).unwrap_err();
    assert_eq!(err, ImportError::Markup { line: 3 });
    assert!(err.to_string().starts_with("line 3:"));
}

#[test]
fn csv_like_text_has_no_sections() {
    let csv = "\nname,phone,email\nДеловодство,0777 80 381,info@radomir.bg\nТСУ,0777 80 512,tsu@radomir.bg\n";
    assert_eq!(
        parse_charter(csv, &Hints::default()),
        Err(ImportError::NoSections { line: 2 })
    );
}

#[test]
fn prose_without_headings_is_refused_at_its_first_line() {
    let prose = "\n\nОбщината работи за своите граждани всеки ден.\nТова е обикновен текст без заглавия, който не е харта.\n\nИ още един ред.\n";
    let err = parse_charter(prose, &Hints::default()).unwrap_err();
    assert_eq!(err, ImportError::NoSections { line: 3 });
    assert_eq!(err.code(), "no_sections");
    assert!(err.to_string().contains("line 3"));
}

#[test]
fn a_single_capital_line_is_not_enough_for_sections() {
    let text = "ВАЖНО СЪОБЩЕНИЕ\nУтре общината не работи.\n";
    assert_eq!(
        parse_charter(text, &Hints::default()),
        Err(ImportError::NoSections { line: 1 })
    );
}

#[test]
fn long_prose_before_the_first_section_is_refused_short_lines_are_dropped() {
    let text = "ХАРТА НА КЛИЕНТА\nКратък девиз\nТова е дълъг уводен текст преди първия раздел, който съдържа много думи и не бива да изчезне тихо.\nI. ОБЩИ ПОЛОЖЕНИЯ\nТекст.\n";
    assert_eq!(
        parse_charter(text, &Hints::default()),
        Err(ImportError::ProseBeforeFirstSection { line: 3 })
    );
    let hints = Hints {
        drop_lines: vec!["Това е дълъг уводен".into()],
        ..Hints::default()
    };
    let c = parse_charter(text, &hints).expect("imports with the hint");
    assert_eq!(c.title.as_deref(), Some("ХАРТА НА КЛИЕНТА"));
    assert_eq!(c.sections.len(), 1);
}

#[test]
fn invalid_utf8_is_refused_at_the_line_of_the_bad_byte() {
    let mut bytes = "I. ОБЩИ\nТекст\nоще".as_bytes().to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe]);
    bytes.extend_from_slice(b"\nII. X\n");
    let err = parse_charter_bytes(&bytes, &Hints::default()).unwrap_err();
    assert_eq!(err, ImportError::InvalidUtf8 { line: 3 });
    assert_eq!(err.code(), "invalid_utf8");
    // A bad byte in the first line, right after a BOM.
    let err = parse_charter_bytes(b"\xEF\xBB\xBF\xC3\x28", &Hints::default()).unwrap_err();
    assert_eq!(err, ImportError::InvalidUtf8 { line: 1 });
}

#[test]
fn bytes_with_a_bom_import_like_the_text() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(RADOMIR.as_bytes());
    let from_bytes = parse_charter_bytes(&bytes, &Hints::default()).expect("imports");
    assert_eq!(from_bytes, import(RADOMIR));
    assert_eq!(
        parse_charter(&format!("\u{feff}{RADOMIR}"), &Hints::default()),
        Ok(import(RADOMIR))
    );
}

#[test]
fn crlf_line_ends_import_like_lf() {
    let crlf = NOVA_ZAGORA.replace('\n', "\r\n");
    assert_eq!(import(&crlf), import(NOVA_ZAGORA));
}

#[test]
fn nul_bytes_are_refused_as_binary() {
    let err = parse_charter("I. ОБЩИ\nx\0y\n", &Hints::default()).unwrap_err();
    assert_eq!(err, ImportError::Binary { line: 2 });
}

// ---- units

#[test]
fn stray_roman_initials_out_of_sequence_are_no_headings() {
    let text = "I. ОБЩИ ПОЛОЖЕНИЯ\nТекст.\nХ. Христов\nII. СТАНДАРТИ\nТекст.\n";
    let c = import(text);
    assert_eq!(c.sections.len(), 2);
    assert_eq!(paragraphs(&c.sections[0].blocks), vec!["Текст."]);
}

#[test]
fn duplicate_headings_get_suffixed_ids() {
    let text = "ОБЩИ ПОЛОЖЕНИЯ\nТекст.\nОБЩИ ПОЛОЖЕНИЯ\nОще текст.\n";
    let c = import(text);
    let got: Vec<&str> = c.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(got, vec!["obshti-polozheniya", "obshti-polozheniya-2"]);
}

#[test]
fn a_short_colon_line_named_as_lead_in_by_hint_is_no_subsection() {
    let text = "I. ПРИНЦИПИ\nНашите задължения:\n- първо;\n- второ.\n";
    let c = import(text);
    assert_eq!(c.sections[0].subsections.len(), 1);
    let hints = Hints {
        lead_ins: vec!["Нашите задължения".into()],
        ..Hints::default()
    };
    let c = parse_charter(text, &hints).expect("imports");
    assert!(c.sections[0].subsections.is_empty());
    assert_eq!(
        lists(&c.sections[0].blocks)[0].0,
        Some("Нашите задължения:")
    );
}
/// `1. ` / `12) ` at the start: the importer's ordered-list marker.
fn has_number_marker(text: &str) -> bool {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    (1..=2).contains(&digits)
        && text[digits..]
            .strip_prefix(['.', ')'])
            .is_some_and(|rest| rest.starts_with(' '))
}
