//! `index.xml` of the GoBD export, following the GDPdU
//! "Beschreibungsstandard" DTD `gdpdu-01-09-2004.dtd` element for element:
//! `DataSet` (Version, DataSupplier, one Media) and per table its URL,
//! name, description, validity range, `UTF8`, decimal and grouping
//! symbols, `Range From 2` (the header line is skipped), and a
//! `VariableLength` block with delimiters, encapsulator, primary-key and
//! other columns with their types, and foreign keys with aliases.

use chrono::NaiveDate;
use std::fmt::Write;

use super::tables::{ColumnType, TableSpec};

/// What `DataSupplier` says.
pub struct Supplier<'a> {
    pub name: &'a str,
    pub location: &'a str,
    pub comment: &'a str,
}

/// Escapes text for element content.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 admits no other control characters.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The whole `index.xml` for `tables` (in that order) with the validity
/// `from..=to` on the tables of the range.
pub fn write_index(
    supplier: &Supplier<'_>,
    media: &str,
    tables: &[(TableSpec, bool)],
    from: NaiveDate,
    to: NaiveDate,
) -> String {
    let mut x = String::new();
    // `write!` into a String cannot fail; results are ignored on purpose.
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.push_str("<!DOCTYPE DataSet SYSTEM \"gdpdu-01-09-2004.dtd\">\n");
    x.push_str("<DataSet>\n  <Version>1.0</Version>\n  <DataSupplier>\n");
    let _ = writeln!(x, "    <Name>{}</Name>", esc(supplier.name));
    let _ = writeln!(x, "    <Location>{}</Location>", esc(supplier.location));
    let _ = writeln!(x, "    <Comment>{}</Comment>", esc(supplier.comment));
    x.push_str("  </DataSupplier>\n  <Media>\n");
    let _ = writeln!(x, "    <Name>{}</Name>", esc(media));
    for (spec, in_range) in tables {
        table(&mut x, spec, *in_range, from, to);
    }
    x.push_str("  </Media>\n</DataSet>\n");
    x
}

fn table(x: &mut String, spec: &TableSpec, in_range: bool, from: NaiveDate, to: NaiveDate) {
    let kind = spec.kind;
    x.push_str("    <Table>\n");
    let _ = writeln!(x, "      <URL>{}</URL>", kind.file());
    let _ = writeln!(x, "      <Name>{}</Name>", kind.name());
    let _ = writeln!(
        x,
        "      <Description>{}</Description>",
        esc(kind.description())
    );
    if in_range {
        let _ = writeln!(
            x,
            "      <Validity>\n        <Range>\n          <From>{}</From>\n          <To>{}</To>\n        </Range>\n        <Format>DD.MM.YYYY</Format>\n      </Validity>",
            from.format("%d.%m.%Y"),
            to.format("%d.%m.%Y")
        );
    }
    x.push_str("      <UTF8/>\n");
    x.push_str("      <DecimalSymbol>,</DecimalSymbol>\n");
    x.push_str("      <DigitGroupingSymbol>.</DigitGroupingSymbol>\n");
    x.push_str("      <Range>\n        <From>2</From>\n      </Range>\n");
    x.push_str("      <VariableLength>\n");
    x.push_str("        <ColumnDelimiter>;</ColumnDelimiter>\n");
    x.push_str("        <RecordDelimiter>&#13;&#10;</RecordDelimiter>\n");
    x.push_str("        <TextEncapsulator>&quot;</TextEncapsulator>\n");
    for (i, c) in spec.columns.iter().enumerate() {
        let element = if i < spec.primary_key {
            "VariablePrimaryKey"
        } else {
            "VariableColumn"
        };
        let _ = writeln!(x, "        <{element}>");
        let _ = writeln!(x, "          <Name>{}</Name>", c.name);
        let _ = writeln!(
            x,
            "          <Description>{}</Description>",
            esc(c.description)
        );
        match c.kind {
            ColumnType::Text => x.push_str("          <AlphaNumeric/>\n"),
            ColumnType::Numeric(0) => x.push_str("          <Numeric/>\n"),
            ColumnType::Numeric(dp) => {
                let _ = writeln!(
                    x,
                    "          <Numeric>\n            <Accuracy>{dp}</Accuracy>\n          </Numeric>"
                );
            }
            ColumnType::Date => x.push_str(
                "          <Date>\n            <Format>DD.MM.YYYY</Format>\n          </Date>\n",
            ),
        }
        let _ = writeln!(x, "        </{element}>");
    }
    for fk in &spec.foreign_keys {
        x.push_str("        <ForeignKey>\n");
        for (local, _) in &fk.columns {
            let _ = writeln!(x, "          <Name>{local}</Name>");
        }
        let _ = writeln!(
            x,
            "          <References>{}</References>",
            fk.references.name()
        );
        for (local, remote) in &fk.columns {
            if local != remote {
                let _ = writeln!(
                    x,
                    "          <Alias>\n            <From>{local}</From>\n            <To>{remote}</To>\n          </Alias>"
                );
            }
        }
        x.push_str("        </ForeignKey>\n");
    }
    x.push_str("      </VariableLength>\n    </Table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc("A & B <c> \"d\"\u{1}"),
            "A &amp; B &lt;c&gt; &quot;d&quot; "
        );
    }
}
