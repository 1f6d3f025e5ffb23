//! What synthetic people are called, where they live and what they and the staff write.
use super::planner::Planner;

pub(super) const STAFF: [&str; 6] = [
    "Гише 1",
    "Гише 2",
    "Гише 3",
    "Деловодство",
    "Отдел „Местни данъци и такси“",
    "Отдел „ГРАО“",
];

pub(super) const EXTENSION_REASONS: [&str; 5] = [
    "Чакаме справка от друга администрация.",
    "Необходима е проверка на място.",
    "Необходимо е становище на друг отдел.",
    "Архивните документи се издирват в държавния архив.",
    "Голям брой заявления в периода.",
];

pub(super) const REFUSAL_REASONS: [&str; 4] = [
    "Заявителят няма право да получи исканата услуга.",
    "Представените документи не отговарят на изискванията.",
    "Липсващите документи не бяха представени в срок.",
    "Исканото не е от компетентността на общината.",
];

pub(super) const REPORT_REFUSAL_REASONS: [&str; 2] = [
    "Въпросът не е от компетентността на общината; сигналът е препратен по компетентност.",
    "По същия въпрос вече има даден отговор.",
];

pub(super) const REPORT_ANSWER_NOTE: &str = "Отговорът е изпратен на посочения адрес.";

pub(super) const MORE_INFORMATION_NOTES: [&str; 3] = [
    "Моля, представете копие от документа за собственост.",
    "Моля, уточнете адреса на имота.",
    "Необходимо е пълномощно от собственика.",
];

pub(super) const MALE: [(&str, &str); 10] = [
    ("Георги", "georgi"),
    ("Иван", "ivan"),
    ("Димитър", "dimitar"),
    ("Николай", "nikolay"),
    ("Петър", "petar"),
    ("Христо", "hristo"),
    ("Стефан", "stefan"),
    ("Тодор", "todor"),
    ("Васил", "vasil"),
    ("Александър", "aleksandar"),
];

pub(super) const FEMALE: [(&str, &str); 10] = [
    ("Мария", "maria"),
    ("Иванка", "ivanka"),
    ("Елена", "elena"),
    ("Йорданка", "yordanka"),
    ("Пенка", "penka"),
    ("Десислава", "desislava"),
    ("Гергана", "gergana"),
    ("Светла", "svetla"),
    ("Надежда", "nadezhda"),
    ("Виктория", "viktoria"),
];

/// Surnames in their masculine form; the feminine adds "а".
pub(super) const SURNAMES: [(&str, &str); 12] = [
    ("Иванов", "ivanov"),
    ("Георгиев", "georgiev"),
    ("Димитров", "dimitrov"),
    ("Петров", "petrov"),
    ("Николов", "nikolov"),
    ("Христов", "hristov"),
    ("Стоянов", "stoyanov"),
    ("Тодоров", "todorov"),
    ("Илиев", "iliev"),
    ("Атанасов", "atanasov"),
    ("Костадинов", "kostadinov"),
    ("Попов", "popov"),
];

pub(super) const STREETS: [&str; 8] = [
    "Христо Ботев",
    "Васил Левски",
    "Александър Стамболийски",
    "Княз Борис I",
    "Цар Освободител",
    "Св. св. Кирил и Методий",
    "Иван Вазов",
    "Раковски",
];

pub(super) const COMPLAINTS: [&str; 5] = [
    "Чаках повече от час на гишето, работеше само едно.",
    "Удостоверението ми беше готово със закъснение, без никой да ме уведоми.",
    "Служителят не ми обясни какви документи са нужни и трябваше да дойда два пъти.",
    "Телефонът за справки не отговаря в работно време.",
    "Информацията на сайта за таксата не съвпада с тази на гишето.",
];

pub(super) const SIGNALS: [&str; 5] = [
    "Уличното осветление на ул. „Раковски“ не работи от седмица.",
    "Контейнерите за смет на кръстовището не са извозвани от десет дни.",
    "Има опасна дупка на пътя пред училището.",
    "Детската площадка в парка е с повредена пързалка.",
    "В района се изхвърлят строителни отпадъци на неразрешено място.",
];

pub(super) const PROPOSALS: [&str; 4] = [
    "Предлагам удължено работно време на гишето веднъж седмично.",
    "Предлагам таксите да могат да се плащат с карта на гишето.",
    "Предлагам да се поставят пейки пред центъра за услуги.",
    "Предлагам да се изпраща SMS, когато документът е готов.",
];

pub(super) const PRAISE: [&str; 4] = [
    "Благодаря на служителката на гише 2 за търпението и помощта.",
    "Удостоверението беше готово още на следващия ден. Благодаря!",
    "Много любезно обслужване в центъра за услуги.",
    "Благодаря за бързия отговор на сигнала ми.",
];

pub(super) const GOOD_COMMENTS: [&str; 6] = [
    "Бързо и любезно обслужване.",
    "Всичко беше ясно обяснено.",
    "Документът беше готов преди срока.",
    "Много съм доволна, благодаря.",
    "Удобно е, че мога да проверя статуса онлайн.",
    "Нямам забележки.",
];

pub(super) const MIXED_COMMENTS: [&str; 4] = [
    "Чаках дълго на опашката, но служителката беше любезна.",
    "Добре, но формулярът можеше да е по-кратък.",
    "Липсва място за паркиране пред сградата.",
    "Указанията на сайта не бяха съвсем ясни.",
];

pub(super) const BAD_COMMENTS: [&str; 4] = [
    "Документът ми закъсня с няколко дни.",
    "Никой не ме уведоми, че е нужен още документ.",
    "Трябваше да идвам три пъти.",
    "Неучтиво отношение на гишето.",
];

impl Planner<'_> {
    pub(super) fn person(&mut self) -> (String, String) {
        let female = self.rng.chance(0.55);
        let ((first, first_latin), (last, last_latin)) = (
            self.rng.pick(if female { &FEMALE } else { &MALE }),
            self.rng.pick(&SURNAMES),
        );
        let suffix = if female { "а" } else { "" };
        let latin_suffix = if female { "a" } else { "" };
        (
            format!("{first} {last}{suffix}"),
            format!(
                "{first_latin}.{last_latin}{latin_suffix}{}@example.bg",
                self.rng.range(1, 99)
            ),
        )
    }

    /// Ten digits shaped like an ЕГН that fail both the ЕГН and the ЛНЧ checksums, so they
    /// cannot be anyone's number.
    pub(super) fn personal_number(&mut self) -> String {
        loop {
            let s = format!(
                "{:02}{:02}{:02}{:04}",
                self.rng.range(40, 99),
                self.rng.range(1, 12),
                self.rng.range(1, 28),
                self.rng.range(0, 9999)
            );
            if gishe_api::ids::PersonalNumber::parse(&s).is_err() {
                return s;
            }
        }
    }

    pub(super) fn address(&mut self) -> String {
        let street = self.rng.pick(&STREETS);
        format!(
            "гр. {}, ул. „{street}“ {}",
            self.town,
            self.rng.range(1, 120)
        )
    }

    pub(super) fn phone(&mut self) -> String {
        format!(
            "08{}{:07}",
            self.rng.range(7, 9),
            self.rng.range(0, 9_999_999)
        )
    }
}
