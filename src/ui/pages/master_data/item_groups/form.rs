//! The item group form as typed, and its reading into an `ItemGroup`.

use leptos::prelude::*;

use crate::ledger::items::ItemGroup;
use crate::ui::components::{AccountFields, focus};
use crate::ui::i18n::Lang;

#[derive(Clone, Copy)]
pub struct Form {
    /// `Some` while editing a stored group.
    pub editing: RwSignal<Option<String>>,
    pub code: RwSignal<String>,
    pub name_de: RwSignal<String>,
    pub name_en: RwSignal<String>,
    pub accounts: AccountFields,
    pub name_ref: NodeRef<leptos::html::Input>,
    pub code_ref: NodeRef<leptos::html::Input>,
}

impl Form {
    pub fn new() -> Form {
        Form {
            editing: RwSignal::new(None),
            code: RwSignal::new(String::new()),
            name_de: RwSignal::new(String::new()),
            name_en: RwSignal::new(String::new()),
            accounts: AccountFields::new(),
            name_ref: NodeRef::new(),
            code_ref: NodeRef::new(),
        }
    }

    /// An empty form for a new group.
    pub fn clear(&self) {
        self.editing.set(None);
        self.code.set(String::new());
        self.name_de.set(String::new());
        self.name_en.set(String::new());
        self.accounts.load(&Default::default());
    }

    pub fn load(&self, g: &ItemGroup) {
        self.editing.set(Some(g.code.clone()));
        self.code.set(g.code.clone());
        self.name_de.set(g.name_de.clone());
        self.name_en.set(g.name_en.clone());
        self.accounts.load(&g.accounts);
    }

    /// Puts the cursor in the code, to type the next group.
    pub fn focus_code(&self) {
        if let Some(input) = self.code_ref.get_untracked() {
            focus(&input);
        }
    }

    /// Puts the cursor in the name (the code of a stored group is fixed).
    pub fn focus_name(&self) {
        if let Some(input) = self.name_ref.get_untracked() {
            focus(&input);
        }
    }

    /// The typed group, or the sentence why it cannot be read.
    pub fn read(&self, lang: Lang) -> Result<ItemGroup, String> {
        let get = |s: RwSignal<String>| s.get_untracked().trim().to_string();
        Ok(ItemGroup {
            code: get(self.code),
            name_de: get(self.name_de),
            name_en: get(self.name_en),
            accounts: self.accounts.read(lang)?,
        })
    }
}
