//! `newsgrist run`: flags to a checked [`RunConfig`], then the run.
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use newsgrist::actors::ActorStage;
use newsgrist::claims::AttributionModel;
use newsgrist::corpus::{FieldNames, Input};
use newsgrist::ner::NerStage;
use newsgrist::pipeline::{self, Analyzer, OutputTarget, RunConfig, Shard};
use newsgrist::relations::RelationModel;

use super::args::{GlobalArgs, RunArgs};
use super::{logging, progress, EXIT_REJECTS};

pub fn run(args: RunArgs, global: GlobalArgs) -> anyhow::Result<ExitCode> {
    logging::init(&global);
    let config = build_config(&args)?;
    let analyzer = build_analyzer(&args)?;
    let inputs = args.inputs.clone();
    let reporter = progress::reporter(global.quiet || args.stdout, || total_input_bytes(&inputs));
    let report = pipeline::run(&config, &analyzer, reporter.as_ref()).context("the run stopped")?;
    let counts = &report.counts;
    tracing::info!(
        run = report.run,
        documents = counts.documents,
        duplicates = counts.duplicates,
        unchanged = counts.unchanged,
        other_shard = counts.other_shard,
        rejects = counts.rejects,
        ignored_files = report.ignored_files,
        seconds = report.timings_ms.get("wall").copied().unwrap_or(0) as f64 / 1000.0,
        "finished"
    );
    if counts.rejects > 0 {
        tracing::warn!(
            rejects = counts.rejects,
            "some inputs were rejected; see rejects.jsonl (or the reject lines on stdout)"
        );
        return Ok(ExitCode::from(EXIT_REJECTS));
    }
    Ok(ExitCode::SUCCESS)
}

fn build_config(args: &RunArgs) -> anyhow::Result<RunConfig> {
    let inputs: Vec<Input> = args
        .inputs
        .iter()
        .map(|path| {
            if path.as_os_str() == "-" {
                Input::Stdin
            } else {
                Input::Path(path.clone())
            }
        })
        .collect();
    let output = match (&args.out, args.stdout) {
        (Some(dir), false) => OutputTarget::Dir {
            path: dir.clone(),
            full: args.full,
        },
        _ => OutputTarget::Stdout,
    };
    let mut config = RunConfig::new(inputs, output);
    config.threads = super::thread_count(args.threads)?;
    if let Some(shard) = &args.shard {
        let shard: Shard = shard.parse().map_err(newsgrist::Error::InvalidArgument)?;
        config.shard = Some(shard);
    }
    if args.max_doc_bytes == 0 {
        return Err(newsgrist::Error::InvalidArgument("--max-doc-bytes must be positive".into()).into());
    }
    if !(args.commit_interval >= 0.0 && args.commit_interval.is_finite()) {
        return Err(newsgrist::Error::InvalidArgument(
            "--commit-interval must be a number of seconds >= 0".into(),
        )
        .into());
    }
    if args.chunk_docs == 0 {
        return Err(newsgrist::Error::InvalidArgument("--chunk-docs must be at least 1".into()).into());
    }
    config.chunk_documents = args.chunk_docs;
    config.read.max_doc_bytes = args.max_doc_bytes;
    config.read.fields = field_names(args);
    config.commit_interval_ms = (args.commit_interval * 1000.0) as u64;
    config.arguments = std::env::args().collect();
    Ok(config)
}

fn build_analyzer(args: &RunArgs) -> anyhow::Result<Analyzer> {
    let actors = ActorStage::with_alias_files(&args.aliases).context("cannot load --aliases")?;
    let mut analyzer = Analyzer::new().with_actors(actors);
    if !args.no_ner {
        let ner = load_model(
            args.ner_model.as_deref(),
            "ner",
            "named-entity",
            "--no-ner",
            NerStage::load,
            |m| m.model_id(),
        )?;
        analyzer = analyzer.with_ner(ner);
    }
    if !args.no_attribution {
        let model = load_model(
            args.attribution_model.as_deref(),
            "attribution",
            "attribution",
            "--no-attribution",
            AttributionModel::load,
            |m| m.model_id(),
        )?;
        analyzer = analyzer.with_attribution(model);
    }
    if !args.no_relations && !args.no_ner {
        let model = load_model(
            args.relation_model.as_deref(),
            "relations",
            "relation",
            "--no-relations",
            RelationModel::load,
            |m| m.model_id(),
        )?;
        analyzer = analyzer.with_relations(model);
    } else if args.relation_model.is_some() {
        anyhow::bail!(newsgrist::Error::InvalidArgument(
            "--relation-model needs the named-entity model: drop --no-ner".into()
        ));
    }
    Ok(analyzer)
}

/// Loads the model in `given`, else in `models/NAME` (see [`model_dir`]);
/// the error says how to run without it (`off_flag`).
fn load_model<T>(
    given: Option<&Path>,
    name: &str,
    what: &str,
    off_flag: &str,
    load: impl FnOnce(&Path) -> Result<T, newsgrist::model::ModelError>,
    model_id: impl Fn(&T) -> Option<&str>,
) -> anyhow::Result<T> {
    let dir = model_dir(given, name);
    let model = load(&dir).with_context(|| {
        format!(
            "cannot load the {what} model from {} (or run with {off_flag})",
            dir.display()
        )
    })?;
    tracing::info!(model = model_id(&model).unwrap_or("unnamed"), dir = %dir.display(), "{what} model loaded");
    Ok(model)
}

/// The given model directory, else `models/NAME` in the current directory,
/// else in the source tree newsgrist was built from.
pub fn model_dir(given: Option<&Path>, name: &str) -> PathBuf {
    if let Some(dir) = given {
        return dir.to_path_buf();
    }
    let local = Path::new("models").join(name);
    if local.exists() {
        return local;
    }
    let built = Path::new(env!("CARGO_MANIFEST_DIR")).join("models").join(name);
    if built.exists() {
        built
    } else {
        local
    }
}

fn field_names(args: &RunArgs) -> FieldNames {
    let mut fields = FieldNames::default();
    let pairs = [
        (&mut fields.text, &args.text_field),
        (&mut fields.title, &args.title_field),
        (&mut fields.url, &args.url_field),
        (&mut fields.date, &args.date_field),
        (&mut fields.id, &args.id_field),
    ];
    for (names, given) in pairs {
        if !given.is_empty() {
            names.clone_from(given);
        }
    }
    fields
}

/// Total size of the input files, for the progress bar's ETA.
fn total_input_bytes(inputs: &[std::path::PathBuf]) -> u64 {
    inputs
        .iter()
        .filter(|path| path.as_os_str() != "-")
        .flat_map(|path| walkdir::WalkDir::new(Path::new(path)).follow_links(true))
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .filter_map(|entry| entry.metadata().ok())
        .map(|metadata| metadata.len())
        .sum()
}
