//! Mahnbriefe (dunning letters) of run N at `/banking/dunning/runs/:number`:
//! the print view of every letter of the run in its customer's language
//! (built by `letters::dunning`, so screen, print and PDF say the same),
//! a print button (style/dunning.css puts each letter on its own pages),
//! and the PDF (`letters::pdf`) of all letters or of one.

mod texts;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::ledger::partners::master::Language;
use crate::letters::{Letter, dunning_letters, letters_pdf};
use crate::ui::components::{ErrorBox, NoCompany, download, print_page};
use crate::ui::i18n::{Text, use_i18n};
use crate::ui::state::use_app;

use texts::T;

/// Offers `letters` as a PDF named `name`; the browser's refusal goes to `error`.
fn offer_pdf(
    letters: &[Letter],
    name: &str,
    error: RwSignal<Option<String>>,
    lang: crate::ui::i18n::Lang,
) {
    if let Err(why) = download(&letters_pdf(letters), name, "application/pdf") {
        error.set(Some(format!("{} {why}", T::DownloadFailed.text(lang))));
    }
}

#[component]
pub fn DunningLettersPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let params = use_params_map();
    let number = Memo::new(move |_| {
        params
            .get()
            .get("number")
            .and_then(|n| n.parse::<u32>().ok())
    });
    let open = Memo::new(move |_| app.with_book(|_| ()).is_some());
    view! {
        <section class="page dunning-letters-page" data-page="dunning-letters">
            <a href="/banking/dunning" class="back-link no-print">{move || i18n.t(T::Back)}</a>
            <h1 class="no-print">{move || format!("{} – {} {}", i18n.t(T::Title), i18n.t(T::Run), number.get().unwrap_or_default())}</h1>
            <p class="lead no-print">{move || i18n.t(T::Lead)}</p>
            {move || match (open.get(), number.get()) {
                (false, _) => view! { <NoCompany /> }.into_any(),
                (true, n) => view! { <Body number=n.unwrap_or_default() /> }.into_any(),
            }}
        </section>
    }
}

/// The letters of run `number` with each partner's language.
fn letters_of(number: u32) -> Option<Vec<(Language, Letter)>> {
    use_app().with_book(|b| {
        b.dunning().run(number)?;
        Some(
            dunning_letters(b, number)
                .into_iter()
                .map(|(code, letter)| {
                    let lang = b.partner(code).map(|p| p.language).unwrap_or_default();
                    (lang, letter)
                })
                .collect(),
        )
    })?
}

#[component]
fn Body(number: u32) -> impl IntoView {
    let i18n = use_i18n();
    let error = RwSignal::new(None::<String>);
    let Some(letters) = letters_of(number) else {
        return view! { <p class="muted" data-testid="run-not-found">{move || i18n.t(T::NotFound)}</p> }.into_any();
    };
    if letters.is_empty() {
        return view! { <p class="muted">{move || i18n.t(T::NoLetters)}</p> }.into_any();
    }
    let all: Vec<Letter> = letters.iter().map(|(_, l)| l.clone()).collect();
    let one = letters.into_iter().enumerate().map(|(i, (lang, letter))| {
        let name = format!("mahnung-{number}-{}.pdf", i + 1);
        let single = vec![letter.clone()];
        let on_pdf = move |_| offer_pdf(&single, &name, error, i18n.lang_untracked());
        view! {
            <div class="letter-actions no-print">
                <button type="button" class="button small" data-testid=format!("pdf-{}", i + 1) on:click=on_pdf>{move || i18n.t(T::Pdf)}</button>
            </div>
            <LetterView letter=letter lang=lang index=i + 1 />
        }
    }).collect_view();
    let on_all = move |_| {
        offer_pdf(
            &all,
            &format!("mahnlauf-{number}.pdf"),
            error,
            i18n.lang_untracked(),
        )
    };
    view! {
        <div class="actions no-print">
            <button type="button" class="button" data-testid="print" on:click=move |_| print_page()>{move || i18n.t(T::Print)}</button>
            <button type="button" class="button primary" data-testid="pdf-all" on:click=on_all>{move || i18n.t(T::PdfAll)}</button>
        </div>
        <ErrorBox message=Signal::derive(move || error.get()) />
        <div class="letters">{one}</div>
    }.into_any()
}

/// One letter as a sheet of paper.
#[component]
fn LetterView(letter: Letter, lang: Language, index: usize) -> impl IntoView {
    let code = match lang {
        Language::De => "de",
        Language::En => "en",
    };
    let t = letter.table;
    let numeric = t.numeric.clone();
    let cell = move |i: usize, text: String| {
        let class = if numeric.get(i).copied().unwrap_or(false) {
            "num"
        } else {
            ""
        };
        view! { <td class=class>{text}</td> }
    };
    let head_numeric = t.numeric.clone();
    view! {
        <article class="letter-sheet" lang=code data-testid=format!("letter-{index}")>
            <header class="letterhead">
                {letter.letterhead.iter().enumerate().map(|(i, l)| if i == 0 {
                    view! { <div class="company">{l.clone()}</div> }.into_any()
                } else {
                    view! { <div>{l.clone()}</div> }.into_any()
                }).collect_view()}
            </header>
            <div class="address">
                <div class="sender-line">{letter.sender_line.clone()}</div>
                {letter.recipient.iter().map(|l| view! { <div>{l.clone()}</div> }).collect_view()}
            </div>
            <div class="place-date">{letter.place_date.clone()}</div>
            <h2 class="subject">{letter.subject.clone()}</h2>
            {letter.paragraphs.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
            <table class="letter-table">
                <thead><tr>{t.headers.iter().enumerate().map(|(i, h)| {
                    let class = if head_numeric.get(i).copied().unwrap_or(false) { "num" } else { "" };
                    view! { <th class=class>{h.clone()}</th> }
                }).collect_view()}</tr></thead>
                <tbody>{t.rows.into_iter().map(|r| {
                    let period = r.first().is_some_and(|c| c.starts_with(' '));
                    let cell = cell.clone();
                    view! { <tr class:period=period>{r.into_iter().enumerate().map(|(i, c)| cell(i, c)).collect_view()}</tr> }
                }).collect_view()}</tbody>
                <tfoot>{t.totals.into_iter().map(|r| {
                    let cell = cell.clone();
                    view! { <tr>{r.into_iter().enumerate().map(|(i, c)| cell(i, c)).collect_view()}</tr> }
                }).collect_view()}</tfoot>
            </table>
            <div class="closing">{letter.closing.iter().map(|l| view! { <p>{l.clone()}</p> }).collect_view()}</div>
            <footer class="letter-footer">{letter.footer.join(" · ")}</footer>
        </article>
    }
}
