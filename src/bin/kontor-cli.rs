//! `kontor-cli`: Kontor's books on the command line (Kommandozeile), for
//! benchmarks and cross-checks with hledger and ledger. Native only; on
//! wasm32 it compiles to an empty program.
//!
//! ```text
//! kontor-cli generate --entries N [--seed S] [--chart skr03|skr04] [--first-year Y] [--vat codes|lines] --out DIR
//!     writes DIR/log/ (the company's log exactly as the store keeps it in
//!     IndexedDB: blocks of 1,000 sealed records in the store's block
//!     encoding, one file `NNNNNN.block` per block) and DIR/books.journal
//!     (the same books for hledger and ledger); `--vat codes` (default,
//!     as the app's demo) puts tax codes on the lines and lets the engine
//!     write the VAT lines, `--vat lines` writes one VAT line per rate and
//!     invoice without codes (about 4 postings per entry)
//! kontor-cli balance [--threads N] DIR
//!     reads DIR/log/, verifies the hash chain, folds the events into
//!     a Book and prints the trial balance over all periods as tab-separated
//!     `account  debit_lc  credit_lc  balance_lc  name`, accounts with
//!     movements only, then a `# total` line; N threads (default: one per
//!     core) read and decode blocks ahead of the fold
//! kontor-cli statement FILE [--format camt|zip|mt940|csv] [--preset NAME]
//!     prints the bank statement(s) in FILE (camt.052/.053/.054, a ZIP of
//!     them, MT940, or a CSV export read with a preset column mapping) as
//!     JSON: account, statement id, balances, every line with amounts as
//!     decimal strings; the format is detected by content unless given.
//!     A refused file prints the typed error on stderr and exits 1.
//! kontor-cli partners FILE [--lc CUR] [--today YYYY-MM-DD] [--company DIR]
//!     reads a partner CSV file as the import does and prints the
//!     partners it would import (tab-separated, with the line each came
//!     from), or every bad row with its line, column and reason on stderr
//!     and exits 1; `--company DIR` also checks each row against that
//!     company's books (code taken, control account, terms)
//! kontor-cli items-csv FILE
//!     reads an item CSV file as the import does and prints the items it
//!     would import (tab-separated, with the line each came from), or
//!     every bad row with its line, column and reason on stderr and exits 1
//! kontor-cli einvoice FILE
//!     reads an e-invoice (XRechnung UBL/CII XML, ZUGFeRD/Factur-X PDF) and
//!     prints it as JSON with the EN 16931 totals check; a refused file
//!     prints the typed error with the element path and exits 2
//! kontor-cli datev FILE
//!     prints a DATEV EXTF file's header and rows as JSON (amounts as
//!     decimal strings, dates ISO), or its typed errors and exits 2
//! kontor-cli verify FILE [--expect-head HASH]
//!     checks an unencrypted backup (plain JSON, or gzipped) by the rules of
//!     docs/log-format.md: sequence, every hash, manifest, the events fold;
//!     prints company, records, head hash and OK, or the first bad record
//!     with its position and line and exits 1
//! kontor-cli changes FILE
//!     verifies the backup as `verify` does, then prints its change log
//!     (Änderungsprotokoll) as JSON lines, oldest first: log position,
//!     record kind and key, created/changed/deleted, user and time where
//!     the event was stamped, and each field's old and new value
//! ```

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    match cli::run(std::env::args().skip(1).collect()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kontor-cli: {e}");
            match e {
                cli::CliError::EInvoice { .. } => std::process::ExitCode::from(2),
                _ => std::process::ExitCode::FAILURE,
            }
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
#[path = "kontor-cli/partners.rs"]
mod partners;

#[cfg(not(target_arch = "wasm32"))]
#[path = "kontor-cli/items.rs"]
mod items;

#[cfg(not(target_arch = "wasm32"))]
#[path = "kontor-cli/datev.rs"]
mod datev;

#[cfg(not(target_arch = "wasm32"))]
#[path = "kontor-cli/einvoice.rs"]
mod einvoice;

#[cfg(not(target_arch = "wasm32"))]
#[path = "kontor-cli/verify.rs"]
mod verify;

#[cfg(not(target_arch = "wasm32"))]
#[path = "kontor-cli/changes.rs"]
mod changes;

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use kontor::demo::{self, DemoError, DemoSpec, VatPosting};
    use kontor::formats::bank::{BankError, FileFormat, csv as bank_csv, read_statements};
    use kontor::formats::hledger::write_journal;
    use kontor::ledger::chain::{ChainError, ChainHead, LogRecord, verify_chain};
    use kontor::ledger::event::{DecodeError, decode, encode};
    use kontor::ledger::gl::ChartTemplate;
    use kontor::ledger::{Book, DomainError, Event};
    use kontor::store::StoreError;
    use kontor::store::blocks::{BLOCK_LEN, decode_block, encode_block};
    use std::io::{BufWriter, Read, Write};
    use std::path::{Path, PathBuf};

    /// The log's directory inside a data directory.
    pub const LOG_DIR: &str = "log";
    /// The hledger/ledger journal inside a data directory.
    pub const JOURNAL_FILE: &str = "books.journal";
    /// Largest block file `balance` reads; a larger one is damaged (1,000
    /// records of even 999 lines each stay far below).
    const MAX_BLOCK_BYTES: u64 = 256 << 20;

    const USAGE: &str = "usage:\n  kontor-cli generate --entries N [--seed S] [--chart skr03|skr04] [--first-year Y] [--vat codes|lines] --out DIR\n  kontor-cli balance [--threads N] DIR\n  kontor-cli statement FILE [--format camt|zip|mt940|csv] [--preset NAME]\n  kontor-cli partners FILE [--lc CUR] [--today YYYY-MM-DD] [--company DIR]\n  kontor-cli items-csv FILE\n  kontor-cli einvoice FILE\n  kontor-cli datev FILE\n  kontor-cli verify FILE [--expect-head HASH]\n  kontor-cli changes FILE";

    #[derive(Debug, thiserror::Error)]
    pub enum CliError {
        #[error("{0}\n{USAGE}")]
        Usage(String),
        #[error("{path}: {source}")]
        Io {
            path: PathBuf,
            source: std::io::Error,
        },
        #[error("{path}: {message}")]
        Layout { path: PathBuf, message: String },
        #[error("{path}: {source}")]
        Block { path: PathBuf, source: StoreError },
        #[error("{path}:{line}: {source}")]
        Chain {
            path: PathBuf,
            line: usize,
            source: ChainError,
        },
        #[error("{path}:{line}: {source}")]
        Decode {
            path: PathBuf,
            line: usize,
            source: DecodeError,
        },
        #[error("{path}:{line}: the event does not fit the books: {source}")]
        Domain {
            path: PathBuf,
            line: usize,
            source: DomainError,
        },
        #[error("{path}: the log holds no company")]
        NoCompany { path: PathBuf },
        #[error("trial balance: {0}")]
        Report(DomainError),
        #[error(transparent)]
        Demo(#[from] DemoError),
        #[error(transparent)]
        Statement(#[from] BankError),
        #[error("{path}: {count} bad rows; nothing would be imported")]
        PartnerRows { path: PathBuf, count: usize },
        #[error("{path}: {count} bad rows; nothing would be imported")]
        ItemRows { path: PathBuf, count: usize },
        #[error("{path}: {source}")]
        EInvoice {
            path: PathBuf,
            source: kontor::formats::einvoice::EInvoiceError,
        },
        #[error(transparent)]
        Verify(#[from] crate::verify::VerifyError),
        #[error("{path}: {source}")]
        ChangeLog {
            path: PathBuf,
            source: kontor::ledger::book::change_log::ChangeLogError,
        },
    }

    pub(crate) fn io(path: &Path) -> impl FnOnce(std::io::Error) -> CliError + '_ {
        move |source| CliError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    pub fn run(args: Vec<String>) -> Result<(), CliError> {
        match args.first().map(String::as_str) {
            Some("generate") => generate(&args[1..]),
            Some("balance") => match &args[1..] {
                [dir] => balance(Path::new(dir), default_threads()),
                [flag, n, dir] if flag == "--threads" => {
                    balance(Path::new(dir), number::<usize>(flag, Some(n))?.clamp(1, 16))
                }
                _ => Err(CliError::Usage("balance takes one directory".into())),
            },
            Some("statement") => statement(&args[1..]),
            Some("partners") => crate::partners::partners(&args[1..]),
            Some("items-csv") => crate::items::items_csv(&args[1..]),
            Some("einvoice") => crate::einvoice::einvoice(&args[1..]),
            Some("datev") => crate::datev::datev(&args[1..]),
            Some("verify") => crate::verify::verify(&args[1..]),
            Some("changes") => crate::changes::changes(&args[1..]),
            Some(other) => Err(CliError::Usage(format!("unknown command {other:?}"))),
            None => Err(CliError::Usage("no command".into())),
        }
    }

    /// Threads that read and decode blocks: one per core, at most 4.
    pub(crate) fn default_threads() -> usize {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
    }

    fn number<T: std::str::FromStr>(flag: &str, value: Option<&String>) -> Result<T, CliError> {
        value
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| CliError::Usage(format!("{flag} needs a number")))
    }

    fn generate(args: &[String]) -> Result<(), CliError> {
        let mut spec = DemoSpec::one_year(1);
        let mut out = None;
        let mut it = args.iter();
        while let Some(flag) = it.next() {
            match flag.as_str() {
                "--entries" => spec.entries = number(flag, it.next())?,
                "--seed" => spec.seed = number(flag, it.next())?,
                "--first-year" => spec.first_year = number(flag, it.next())?,
                "--chart" => {
                    spec.chart = match it.next().map(String::as_str) {
                        Some("skr03") => ChartTemplate::Skr03,
                        Some("skr04") => ChartTemplate::Skr04,
                        _ => return Err(CliError::Usage("--chart is skr03 or skr04".into())),
                    }
                }
                "--vat" => {
                    spec.vat = match it.next().map(String::as_str) {
                        Some("codes") => VatPosting::TaxCodes,
                        Some("lines") => VatPosting::ExplicitLines,
                        _ => return Err(CliError::Usage("--vat is codes or lines".into())),
                    }
                }
                "--out" => out = it.next().map(PathBuf::from),
                other => return Err(CliError::Usage(format!("unknown option {other:?}"))),
            }
        }
        let dir = out.ok_or_else(|| CliError::Usage("--out DIR is required".into()))?;
        std::fs::create_dir_all(&dir).map_err(io(&dir))?;

        // Streams: one month of commands and one block of records at a
        // time; only the Book grows with the size.
        let log_dir = dir.join(LOG_DIR);
        if log_dir.exists() {
            std::fs::remove_dir_all(&log_dir).map_err(io(&log_dir))?;
        }
        std::fs::create_dir_all(&log_dir).map_err(io(&log_dir))?;
        let (mut book, setup_events) =
            Book::set_up(&demo::setup(&spec)).map_err(DemoError::from)?;
        let mut head = ChainHead::EMPTY;
        let mut block: Vec<LogRecord> = Vec::with_capacity(BLOCK_LEN as usize);
        let mut run = 0;
        let commands = demo::commands(&demo::generator_spec(&spec))?
            .enumerate()
            .map(|(index, command)| {
                run = index + 1;
                book.execute(&command)
                    .map_err(|error| DemoError::Refused { index, error })
            });
        for events in std::iter::once(Ok(setup_events)).chain(commands) {
            seal_into(&events?, &mut head, &mut block, &log_dir)?;
        }
        // The generator streams; the bank side needs the whole Book, so it
        // comes last, as in `demo::build`.
        let bank = demo::bank_side(&spec, &mut book, run)?;
        seal_into(&bank, &mut head, &mut block, &log_dir)?;
        if !block.is_empty() {
            write_block(&log_dir, &block)?;
        }

        let journal_path = dir.join(JOURNAL_FILE);
        std::fs::write(&journal_path, write_journal(&book)).map_err(io(&journal_path))?;
        let lines: usize = book.entries().iter().map(|e| e.lines.len()).sum();
        println!(
            "{}: {} entries, {} lines, {} log records; {}",
            log_dir.display(),
            book.entry_count(),
            lines,
            head.seq,
            journal_path.display()
        );
        Ok(())
    }

    /// Seals `events` onto the chain and writes every block they fill.
    fn seal_into(
        events: &[Event],
        head: &mut ChainHead,
        block: &mut Vec<LogRecord>,
        log_dir: &Path,
    ) -> Result<(), CliError> {
        for event in events {
            let record = head.seal(encode(event));
            *head = ChainHead::after(&record);
            block.push(record);
            if block.len() == BLOCK_LEN as usize {
                write_block(log_dir, block)?;
                block.clear();
            }
        }
        Ok(())
    }

    fn block_path(log_dir: &Path, block: u64) -> PathBuf {
        log_dir.join(format!("{block:06}.block"))
    }

    /// Writes one block (records of one block number, in order).
    fn write_block(log_dir: &Path, records: &[LogRecord]) -> Result<(), CliError> {
        let number = records.first().map_or(0, |r| (r.seq - 1) / BLOCK_LEN);
        let path = block_path(log_dir, number);
        std::fs::write(&path, encode_block(records)).map_err(io(&path))
    }

    /// The block numbers in `log_dir`, which must be 0, 1, 2 … without gaps.
    fn block_count(log_dir: &Path) -> Result<u64, CliError> {
        let layout = |message: String| CliError::Layout {
            path: log_dir.to_path_buf(),
            message,
        };
        let mut numbers = Vec::new();
        for item in std::fs::read_dir(log_dir).map_err(io(log_dir))? {
            let name = item.map_err(io(log_dir))?.file_name();
            let name = name.to_string_lossy();
            let number = name
                .strip_suffix(".block")
                .and_then(|n| n.parse::<u64>().ok())
                .ok_or_else(|| layout(format!("unexpected file {name:?}")))?;
            numbers.push(number);
        }
        numbers.sort_unstable();
        if let Some((i, n)) = numbers.iter().enumerate().find(|(i, n)| **n != *i as u64) {
            return Err(layout(format!("block {i} is missing (found {n} instead)")));
        }
        Ok(numbers.len() as u64)
    }

    /// One block, read, framed, verified inside and decoded: everything
    /// about it that does not depend on the blocks before it.
    struct DecodedBlock {
        path: PathBuf,
        /// The first record: its link to the previous block is checked in
        /// order, by the thread that folds.
        first: Option<LogRecord>,
        /// The head after the block's last record.
        last: Option<ChainHead>,
        events: Vec<kontor::ledger::Event>,
    }

    /// Line of the `i`-th record's body in a block file (a block is a
    /// header line, then per record a framing line and the body line).
    fn body_line(i: usize) -> usize {
        3 + 2 * i
    }

    /// `text` is the caller's buffer, reused from block to block: a fresh
    /// half-megabyte string per block cost more in page faults than the
    /// read itself.
    fn decode_one(
        log_dir: &Path,
        number: u64,
        text: &mut String,
    ) -> Result<DecodedBlock, CliError> {
        let path = block_path(log_dir, number);
        let size = std::fs::metadata(&path).map_err(io(&path))?.len();
        if size > MAX_BLOCK_BYTES {
            return Err(CliError::Layout {
                path,
                message: format!("larger than {MAX_BLOCK_BYTES} bytes"),
            });
        }
        text.clear();
        std::fs::File::open(&path)
            .and_then(|mut file| file.read_to_string(text))
            .map_err(io(&path))?;
        let mut records = decode_block(number, text).map_err(|source| CliError::Block {
            path: path.clone(),
            source,
        })?;
        // Records 2.. must link to the one before them inside the block.
        if let Some(first) = records.first() {
            verify_chain(ChainHead::after(first), &records[1..]).map_err(|source| {
                let i = (source.seq() - first.seq) as usize;
                CliError::Chain {
                    path: path.clone(),
                    line: body_line(i),
                    source,
                }
            })?;
        }
        let mut events = Vec::with_capacity(records.len());
        for (i, record) in records.iter().enumerate() {
            events.push(decode(&record.body).map_err(|source| CliError::Decode {
                path: path.clone(),
                line: body_line(i),
                source,
            })?);
        }
        let last = records.last().map(ChainHead::after);
        records.truncate(1);
        Ok(DecodedBlock {
            path,
            first: records.pop(),
            last,
            events,
        })
    }

    /// Checks that `block` continues `head` and folds its events in order;
    /// the log's first event creates the Book.
    fn fold(
        book: &mut Option<Book>,
        head: &mut ChainHead,
        block: DecodedBlock,
    ) -> Result<(), CliError> {
        if let Some(first) = &block.first {
            verify_chain(*head, std::iter::once(first)).map_err(|source| CliError::Chain {
                path: block.path.clone(),
                line: body_line(0),
                source,
            })?;
        }
        for (i, event) in block.events.into_iter().enumerate() {
            let folded = match (book.as_mut(), event) {
                (Some(book), event) => book.apply_owned(event),
                (None, Event::CompanyCreated { settings }) => {
                    Book::created(&settings).map(|created| *book = Some(created))
                }
                (None, _) => {
                    return Err(CliError::NoCompany {
                        path: block.path.clone(),
                    });
                }
            };
            folded.map_err(|source| CliError::Domain {
                path: block.path.clone(),
                line: body_line(i),
                source,
            })?;
        }
        if let Some(last) = block.last {
            *head = last;
        }
        Ok(())
    }

    /// Reads the log block by block as the store does on open: decode the
    /// block's framing, verify the hash chain, decode the events, fold them
    /// in order. The same checks as `Book::replay`, without holding the
    /// whole log in memory. With `threads` > 1, that many threads read and
    /// decode blocks ahead (block n by thread n mod threads) while this
    /// thread checks each block's link to the one before and folds.
    pub fn read_book(log_dir: &Path, threads: usize) -> Result<Book, CliError> {
        let count = block_count(log_dir)?;
        let mut book = None;
        let mut head = ChainHead::EMPTY;
        if threads <= 1 {
            let mut text = String::new();
            for number in 0..count {
                fold(
                    &mut book,
                    &mut head,
                    decode_one(log_dir, number, &mut text)?,
                )?;
            }
            return book.ok_or_else(|| CliError::NoCompany {
                path: log_dir.to_path_buf(),
            });
        }
        std::thread::scope(|scope| {
            let receivers: Vec<_> = (0..threads as u64)
                .map(|worker| {
                    // Two blocks ahead per thread bound the memory in flight.
                    let (send, receive) = std::sync::mpsc::sync_channel(2);
                    scope.spawn(move || {
                        let mut text = String::new();
                        for number in (worker..count).step_by(threads) {
                            let decoded = decode_one(log_dir, number, &mut text);
                            let failed = decoded.is_err();
                            // A closed channel means the folding stopped.
                            if send.send(decoded).is_err() || failed {
                                return;
                            }
                        }
                    });
                    receive
                })
                .collect();
            for number in 0..count {
                let receiver = &receivers[(number % threads as u64) as usize];
                let block = receiver.recv().map_err(|_| CliError::Layout {
                    path: block_path(log_dir, number),
                    message: "a reading thread stopped".into(),
                })??;
                fold(&mut book, &mut head, block)?;
            }
            book.ok_or_else(|| CliError::NoCompany {
                path: log_dir.to_path_buf(),
            })
        })
    }

    fn balance(dir: &Path, threads: usize) -> Result<(), CliError> {
        let path = dir.join(LOG_DIR);
        let book = read_book(&path, threads)?;
        let calendar = book.calendar();
        if calendar.period_count() == 0 {
            return Err(CliError::NoCompany { path });
        }
        let tb = book
            .trial_balance(
                calendar.reference(0),
                calendar.reference(calendar.period_count() - 1),
            )
            .map_err(CliError::Report)?;
        let stdout = std::io::stdout();
        let mut out = BufWriter::new(stdout.lock());
        let result = (|| -> std::io::Result<()> {
            writeln!(out, "account\tdebit_lc\tcredit_lc\tbalance_lc\tname")?;
            for row in &tb.rows {
                let name = book.account(row.account).map_or("", |a| a.name(true));
                writeln!(
                    out,
                    "{}\t{:.2}\t{:.2}\t{:.2}\t{}",
                    row.account, row.debit_lc, row.credit_lc, row.closing_lc, name
                )?;
            }
            writeln!(
                out,
                "# total\t{:.2}\t{:.2}\t{:.2}\t{} entries",
                tb.total_debit_lc,
                tb.total_credit_lc,
                tb.total_debit_lc - tb.total_credit_lc,
                book.entry_count()
            )?;
            out.flush()
        })();
        // The process ends here: freeing the Book's millions of small
        // allocations one by one took a tenth of the whole command.
        std::mem::forget(book);
        result.map_err(io(Path::new("stdout")))
    }

    /// `statement FILE [--format F] [--preset NAME]`: the parsed
    /// statements as pretty JSON on stdout.
    fn statement(args: &[String]) -> Result<(), CliError> {
        let mut file = None;
        let mut format = None;
        let mut preset = None;
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            match arg.as_str() {
                "--format" => format = it.next().cloned(),
                "--preset" => preset = it.next().cloned(),
                other if file.is_none() && !other.starts_with("--") => {
                    file = Some(other.to_string())
                }
                other => return Err(CliError::Usage(format!("unknown option {other:?}"))),
            }
        }
        let path =
            PathBuf::from(file.ok_or_else(|| CliError::Usage("statement needs a FILE".into()))?);
        let mapping = match &preset {
            None => None,
            Some(name) => Some(bank_csv::preset(name).ok_or_else(|| {
                let known = bank_csv::PRESETS.join(", ");
                CliError::Usage(format!("unknown preset {name:?} (known: {known})"))
            })?),
        };
        let format = match (format.as_deref(), mapping) {
            (None, None) => None,
            (Some("camt"), None) => Some(FileFormat::Camt),
            (Some("zip"), None) => Some(FileFormat::Zip),
            (Some("mt940"), None) => Some(FileFormat::Mt940),
            (Some("csv") | None, Some(mapping)) => Some(FileFormat::Csv(Box::new(mapping))),
            (Some("csv"), None) => {
                return Err(CliError::Usage("--format csv needs --preset NAME".into()));
            }
            _ => {
                return Err(CliError::Usage(
                    "--format is camt, zip, mt940 or csv (csv with --preset)".into(),
                ));
            }
        };
        let bytes = std::fs::read(&path).map_err(io(&path))?;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let statements = read_statements(&name, &bytes, format.as_ref())?;
        let json = serde_json::to_string_pretty(&statements).map_err(|e| CliError::Layout {
            path: path.clone(),
            message: e.to_string(),
        })?;
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        writeln!(out, "{json}").map_err(io(Path::new("stdout")))
    }
}
