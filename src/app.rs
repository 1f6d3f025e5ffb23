//! The router and the page layout.
use crate::components::layout::Layout;
use crate::context::provide_app_context;
use crate::i18n::I18nProvider;
use crate::pages::accountability::AccountabilityPage;
use crate::pages::apply::ApplyPage;
use crate::pages::privacy::Privacy;
use crate::pages::report::{FeedbackPage, ReportPage};
use crate::pages::service::ServicePage;
use crate::pages::services::ServicesPage;
use crate::pages::status::StatusPage;
use crate::pages::{
    accessibility::Accessibility, charter::CharterPage, choose::Choose, home::Home,
    not_found::NotFound,
};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <I18nProvider>
            <Shell/>
        </I18nProvider>
    }
}

#[component]
fn Shell() -> impl IntoView {
    provide_app_context();
    view! {
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Choose/>
                    <Route path=path!("/accessibility") view=Accessibility/>
                    <Route path=path!("/privacy") view=Privacy/>
                    <Route path=path!("/:slug") view=Home/>
                    <Route path=path!("/:slug/charter") view=CharterPage/>
                    <Route path=path!("/:slug/services") view=ServicesPage/>
                    <Route path=path!("/:slug/status") view=StatusPage/>
                    <Route path=path!("/:slug/report") view=ReportPage/>
                    <Route path=path!("/:slug/feedback") view=FeedbackPage/>
                    <Route path=path!("/:slug/accountability") view=AccountabilityPage/>
                    <Route path=path!("/:slug/services/:code") view=ServicePage/>
                    <Route path=path!("/:slug/services/:code/apply/:step") view=ApplyPage/>
                </Routes>
            </Layout>
        </Router>
    }
}
