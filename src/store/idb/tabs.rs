//! Several tabs on one company. The guarantee that two writers never fork
//! the log is the head check inside every append transaction; what this
//! module adds is news: after each append a tab announces "company X now
//! ends at seq N" on a `BroadcastChannel`, and other tabs [`watch`] for it
//! and catch up with `read_since` instead of finding out at their next
//! append.

use crate::ledger::chain::{ChainHash, ChainHead};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// One tab's news that a company's log moved on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogAdvanced {
    pub company_id: String,
    pub head: ChainHead,
}

pub fn channel_name(namespace: &str) -> String {
    format!("{namespace}.log")
}

fn encode(company_id: &str, head: ChainHead) -> String {
    format!("{company_id} {} {}", head.seq, head.hash.to_hex())
}

fn decode(text: &str) -> Option<LogAdvanced> {
    let mut fields = text.split(' ');
    let company_id = fields.next()?.to_string();
    let seq = fields.next()?.parse().ok()?;
    let hash = ChainHash::from_hex(fields.next()?)?;
    Some(LogAdvanced {
        company_id,
        head: ChainHead { seq, hash },
    })
}

/// Best effort: a tab that misses the news still cannot fork the log, it
/// gets a `Conflict` at its next append.
pub(super) fn announce(channel: &str, company_id: &str, head: ChainHead) {
    if let Ok(channel) = web_sys::BroadcastChannel::new(channel) {
        let _ = channel.post_message(&encode(company_id, head).into());
        channel.close();
    }
}

/// Calls `on_advance` for every append made by *another* tab (a channel
/// does not deliver a tab's own messages). Watching stops when the returned
/// [`Watch`] is dropped.
pub fn watch(namespace: &str, on_advance: impl Fn(LogAdvanced) + 'static) -> Option<Watch> {
    let channel = web_sys::BroadcastChannel::new(&channel_name(namespace)).ok()?;
    let listener =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            if let Some(news) = event.data().as_string().as_deref().and_then(decode) {
                on_advance(news);
            }
        });
    channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
    Some(Watch {
        channel,
        _listener: listener,
    })
}

pub struct Watch {
    channel: web_sys::BroadcastChannel,
    _listener: Closure<dyn Fn(web_sys::MessageEvent)>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}
