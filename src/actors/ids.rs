//! Actor ids: `ng:<type>/<slug>`, from the gazetteer for known actors and
//! from the folded canonical name for the others ("Sanaullah Ghafari" is
//! `ng:person/sanaullah-ghafari`), so the same name gets the same id in
//! every document and run without any stored state.
//!
//! This file does not decide the canonical name (see [`super::resolve`](mod@super::resolve)).
use sha2::{Digest, Sha256};

use crate::output::extractions::ActorType;

use super::fold;
use super::gazetteer::type_name;

/// The id of an actor outside the gazetteer.
pub fn derived_id(actor_type: ActorType, canonical_name: &str) -> String {
    let slug = fold::slug(canonical_name);
    let slug = if slug.is_empty() {
        // A name of symbols only: a short hash keeps it stable.
        let digest = Sha256::digest(canonical_name.as_bytes());
        digest.iter().take(6).map(|byte| format!("{byte:02x}")).collect()
    } else {
        slug
    };
    format!("ng:{}/{slug}", type_name(actor_type))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_folded_name() {
        assert_eq!(
            derived_id(ActorType::Person, "Sanaullah Ghafari"),
            "ng:person/sanaullah-ghafari"
        );
        assert_eq!(
            derived_id(ActorType::Person, "Ömer Çelik"),
            derived_id(ActorType::Person, "Omer Celik")
        );
        assert_eq!(
            derived_id(ActorType::Organisation, "Counter Terrorism Department"),
            "ng:organisation/counter-terrorism-department"
        );
        assert!(derived_id(ActorType::Organisation, "***").starts_with("ng:organisation/"));
    }
}
