//! Backup file of a whole company: a versioned document, compressed and
//! encrypted in the open age format.
