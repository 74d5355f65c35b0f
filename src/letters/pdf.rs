//! Letters as PDF (A4, the standard Helvetica fonts in WinAnsi encoding,
//! so German text needs no embedded font), one page or more per letter,
//! several letters in one file. (issue 16 skeleton.)

use super::Letter;

/// The PDF of `letters`, each starting on a new page.
pub fn letters_pdf(letters: &[Letter]) -> Vec<u8> {
    let _ = letters;
    Vec::new()
}
