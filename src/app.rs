//! The router and the page layout.
use crate::components::layout::Layout;
use crate::context::provide_app_context;
use crate::i18n::I18nProvider;
use crate::pages::accountability::AccountabilityPage;
use crate::pages::apply::ApplyPage;
use crate::pages::feedback::FeedbackPage;
use crate::pages::municipality::MunicipalityPages;
use crate::pages::privacy::Privacy;
use crate::pages::report::ReportPage;
use crate::pages::service::ServicePage;
use crate::pages::services::ServicesPage;
use crate::pages::status::StatusPage;
use crate::pages::{
    accessibility::Accessibility, charter::CharterPage, choose::Choose, home::Home,
    not_found::NotFound,
};
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
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
                    <ParentRoute path=path!("/:slug") view=MunicipalityPages>
                        <Route path=path!("") view=Home/>
                        <Route path=path!("charter") view=CharterPage/>
                        <Route path=path!("services") view=ServicesPage/>
                        <Route path=path!("status") view=StatusPage/>
                        <Route path=path!("report") view=ReportPage/>
                        <Route path=path!("feedback") view=FeedbackPage/>
                        <Route path=path!("accountability") view=AccountabilityPage/>
                        <Route path=path!("services/:code") view=ServicePage/>
                        <Route path=path!("services/:code/apply/:step") view=ApplyPage/>
                    </ParentRoute>
                </Routes>
            </Layout>
        </Router>
    }
}
