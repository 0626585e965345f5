//! ONNX Runtime sessions: what the graph asks for, and a pool of sessions so
//! that windows run in parallel.
//!
//! `ort`'s `Session::run` takes `&mut self`, so one session serves one call
//! at a time. The pool hands each worker a session of its own (created on
//! first need, at most one per concurrent caller) with one intra-op thread:
//! the parallelism is rayon's, over windows, and workers x threads = cores
//! (no nested thread pools). With one thread per call, a window's logits do
//! not depend on which session or thread computed it.
//!
//! Inputs are fed only when the graph declares them: `input_ids` and
//! `attention_mask` always, `token_type_ids` and `position_ids` when
//! present, and extra inputs named in `config.json` (`newsgrist.extra_inputs`).
//! A graph input the runner cannot fill is an error at load time.
//!
//! A graph may have more than one logits output (heads on one encoder, as
//! our NER and attribution models are): a call reads the outputs it is
//! asked for from one run. ONNX Runtime runs the whole graph whichever
//! outputs are fetched, so a head costs its final product even when unread.
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ort::environment::Environment;
use ort::session::{Session, SessionInputValue};
use ort::value::{DynValue, Tensor, TensorElementType, ValueType};

use super::config::{ExtraFeature, ModelConfig};
use super::error::ModelError;

/// What a graph input is filled with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    InputIds,
    AttentionMask,
    TokenTypeIds,
    PositionIds,
    Extra(ExtraFeature),
}

/// A graph input: name, what fills it, and its integer width.
#[derive(Debug, Clone)]
pub struct InputSpec {
    pub name: String,
    pub kind: InputKind,
    wide: bool,
}

/// One window's model inputs, special tokens included, unpadded.
#[derive(Debug, Clone, Default)]
pub struct WindowInput {
    pub ids: Vec<i64>,
    pub type_ids: Vec<i64>,
    /// Per token, for [`InputKind::Extra`] (casing classes); empty when the graph takes none.
    pub casing: Vec<i64>,
}

/// Logits of one window: `len x num_labels`, row-major.
pub type WindowLogits = Vec<f32>;

/// A logits output to read: its name and label count.
#[derive(Debug, Clone, Copy)]
pub struct OutputRead<'a> {
    pub name: &'a str,
    pub labels: usize,
}

/// Sessions over one model file.
pub struct SessionPool {
    path: PathBuf,
    environment: Environment,
    free: Mutex<Vec<Session>>,
    pub inputs: Vec<InputSpec>,
    output: String,
    num_labels: usize,
    /// Every graph output with its label count (the last dimension; -1
    /// when dynamic), `None` for outputs that are not float32 `[batch,
    /// tokens, labels]`.
    graph_outputs: Vec<(String, Option<i64>)>,
    pad_id: i64,
}

impl std::fmt::Debug for SessionPool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionPool")
            .field("path", &self.path)
            .field("inputs", &self.inputs)
            .field("output", &self.output)
            .finish_non_exhaustive()
    }
}

impl SessionPool {
    /// Opens `path` once to check its inputs and outputs against `config`.
    pub fn open(
        path: &Path,
        config: &ModelConfig,
        environment: Environment,
        pad_id: i64,
    ) -> Result<Self, ModelError> {
        let session = create(path, &environment)?;
        let unsupported = |reason: String| ModelError::UnsupportedModel {
            path: path.to_path_buf(),
            reason,
        };
        let mut inputs = Vec::new();
        for outlet in session.inputs() {
            let name = outlet.name().to_owned();
            let kind = match name.as_str() {
                "input_ids" => InputKind::InputIds,
                "attention_mask" => InputKind::AttentionMask,
                "token_type_ids" => InputKind::TokenTypeIds,
                "position_ids" => InputKind::PositionIds,
                other => match config.extra_inputs.get(other) {
                    Some(feature) => InputKind::Extra(*feature),
                    None => {
                        return Err(unsupported(format!(
                            "the graph takes an input {other:?} that config.json does not describe \
                             (add it to `newsgrist.extra_inputs`, e.g. {{\"{other}\": \"casing_v1\"}})"
                        )))
                    }
                },
            };
            let wide = match outlet.dtype() {
                ValueType::Tensor {
                    ty: TensorElementType::Int64,
                    ..
                } => true,
                ValueType::Tensor {
                    ty: TensorElementType::Int32,
                    ..
                } => false,
                other => {
                    return Err(unsupported(format!(
                        "input {name:?} is {other}, not an int64 or int32 tensor"
                    )))
                }
            };
            inputs.push(InputSpec { name, kind, wide });
        }
        if !inputs.iter().any(|input| input.kind == InputKind::InputIds) {
            return Err(unsupported("the graph has no `input_ids` input".into()));
        }
        let graph_outputs: Vec<(String, Option<i64>)> = session
            .outputs()
            .iter()
            .map(|outlet| {
                let labels = match outlet.dtype() {
                    ValueType::Tensor {
                        ty: TensorElementType::Float32,
                        shape,
                        ..
                    } if shape.len() == 3 => Some(shape[2]),
                    _ => None,
                };
                (outlet.name().to_owned(), labels)
            })
            .collect();
        let output = pick_output(&graph_outputs, config).map_err(unsupported)?;
        Ok(Self {
            path: path.to_path_buf(),
            environment,
            free: Mutex::new(vec![session]),
            inputs,
            output,
            num_labels: config.labels.len(),
            graph_outputs,
            pad_id,
        })
    }

    /// The logits output `config.json` reads.
    pub fn output(&self) -> OutputRead<'_> {
        OutputRead {
            name: &self.output,
            labels: self.num_labels,
        }
    }

    /// Checks that the graph has a logits output `name` with `labels` labels.
    pub fn check_output(&self, name: &str, labels: usize) -> Result<(), String> {
        check_output(&self.graph_outputs, name, labels)
    }

    /// Whether the graph takes casing classes.
    pub fn wants_casing(&self) -> bool {
        self.inputs
            .iter()
            .any(|input| matches!(input.kind, InputKind::Extra(ExtraFeature::CasingV1)))
    }

    /// Runs windows as one padded batch and returns, per output of
    /// `outputs` (checked with [`Self::check_output`]), each window's logits.
    pub fn run_outputs(
        &self,
        windows: &[&WindowInput],
        outputs: &[OutputRead<'_>],
    ) -> Result<Vec<Vec<WindowLogits>>, ModelError> {
        let mut session = self.checkout()?;
        let result = self.run_on(&mut session, windows, outputs);
        if let Ok(mut free) = self.free.lock() {
            free.push(session);
        }
        result
    }

    fn checkout(&self) -> Result<Session, ModelError> {
        let pooled = self.free.lock().ok().and_then(|mut free| free.pop());
        match pooled {
            Some(session) => Ok(session),
            None => create(&self.path, &self.environment),
        }
    }

    fn run_on(
        &self,
        session: &mut Session,
        windows: &[&WindowInput],
        reads: &[OutputRead<'_>],
    ) -> Result<Vec<Vec<WindowLogits>>, ModelError> {
        let batch = windows.len();
        let width = windows.iter().map(|window| window.ids.len()).max().unwrap_or(0);
        if batch == 0 || width == 0 {
            return Ok(vec![vec![Vec::new(); batch]; reads.len()]);
        }
        let inference = |reason: String| ModelError::Inference { reason };
        let mut feeds: Vec<(Cow<'static, str>, SessionInputValue<'static>)> =
            Vec::with_capacity(self.inputs.len());
        for input in &self.inputs {
            let mut data = Vec::with_capacity(batch * width);
            for window in windows {
                let len = window.ids.len();
                let pad = match input.kind {
                    InputKind::InputIds => self.pad_id,
                    _ => 0,
                };
                match input.kind {
                    InputKind::InputIds => data.extend_from_slice(&window.ids),
                    InputKind::AttentionMask => data.extend(std::iter::repeat_n(1, len)),
                    InputKind::TokenTypeIds => data.extend_from_slice(&window.type_ids),
                    InputKind::PositionIds => data.extend(0..len as i64),
                    InputKind::Extra(ExtraFeature::CasingV1) => data.extend_from_slice(&window.casing),
                }
                data.resize(data.len() + width - len, pad);
            }
            if data.len() != batch * width {
                return Err(inference(format!(
                    "input {} has {} values for {batch}x{width}",
                    input.name,
                    data.len()
                )));
            }
            let shape = [batch, width];
            let value: DynValue = if input.wide {
                Tensor::from_array((shape, data)).map(Tensor::into_dyn)
            } else {
                let narrow: Vec<i32> = data.into_iter().map(|value| value as i32).collect();
                Tensor::from_array((shape, narrow)).map(Tensor::into_dyn)
            }
            .map_err(|err| inference(err.to_string()))?;
            feeds.push((Cow::Owned(input.name.clone()), SessionInputValue::from(value)));
        }
        let outputs = session.run(feeds).map_err(|err| inference(err.to_string()))?;
        reads
            .iter()
            .map(|read| {
                let value = outputs
                    .get(read.name)
                    .ok_or_else(|| inference(format!("the model returned no output {:?}", read.name)))?;
                let (shape, logits) = value
                    .try_extract_tensor::<f32>()
                    .map_err(|err| inference(format!("output {:?}: {err}", read.name)))?;
                let expected = [batch as i64, width as i64, read.labels as i64];
                if shape[..] != expected[..] {
                    return Err(inference(format!(
                        "output {:?} has shape {:?}, expected {expected:?} (batch, tokens, labels in config.json)",
                        read.name,
                        &shape[..]
                    )));
                }
                let row = width * read.labels;
                Ok(windows
                    .iter()
                    .enumerate()
                    .map(|(index, window)| {
                        logits[index * row..index * row + window.ids.len() * read.labels].to_vec()
                    })
                    .collect())
            })
            .collect()
    }
}

/// Graph rewrites ONNX Runtime would apply at load that make our models
/// slower. Fusing a residual `Add` into the following `LayerNormalization`
/// (`SkipLayerNormalization`) takes about 270 µs per 140-token window in
/// ONNX Runtime 1.31's CPU kernel against about 35 µs for the unfused pair,
/// on int8 models (dynamically quantised `MatMul`s): one window of our NER
/// or attribution model runs 8 to 12% faster without it (60 to 250
/// tokens, one thread). fp32 models run at the same speed either way. The
/// fused kernel rounds differently, so logits move in the last bits
/// (which the int8 activations can amplify); scores were re-measured.
const DISABLED_OPTIMIZERS: &str = "SkipLayerNormFusion";

pub(crate) fn create(path: &Path, environment: &Environment) -> Result<Session, ModelError> {
    let failed = |reason: String| ModelError::Session {
        path: path.to_path_buf(),
        reason,
    };
    Session::builder(environment)
        .map_err(|err| failed(err.to_string()))?
        .with_intra_threads(1)
        .map_err(|err| failed(err.to_string()))?
        .with_inter_threads(1)
        .map_err(|err| failed(err.to_string()))?
        .with_disabled_optimizers(DISABLED_OPTIMIZERS)
        .map_err(|err| failed(err.to_string()))?
        .commit_from_file(path)
        .map_err(|err| failed(err.to_string()))
}

fn pick_output(outputs: &[(String, Option<i64>)], config: &ModelConfig) -> Result<String, String> {
    let names: Vec<&str> = outputs.iter().map(|(name, _)| name.as_str()).collect();
    let chosen = match config.output.as_deref() {
        Some(name) if names.contains(&name) => name,
        Some(name) => return Err(format!("config.json names output {name:?}, but the graph has {names:?}")),
        None if names.contains(&"logits") => "logits",
        None if names.len() == 1 => names[0],
        None => return Err(format!("cannot tell which of the outputs {names:?} holds the logits; name it in config.json (`newsgrist.onnx_output`)")),
    };
    check_output(outputs, chosen, config.labels.len())?;
    Ok(chosen.to_owned())
}

fn check_output(outputs: &[(String, Option<i64>)], name: &str, labels: usize) -> Result<(), String> {
    match outputs.iter().find(|(output, _)| output == name) {
        None => Err(format!(
            "the graph has no output {name:?} (it has {:?})",
            outputs.iter().map(|(output, _)| output).collect::<Vec<_>>()
        )),
        Some((_, None)) => Err(format!("output {name:?} is not float32 [batch, tokens, labels]")),
        Some((_, Some(found))) if *found >= 0 && *found as usize != labels => Err(format!(
            "output {name:?} has {found} labels but config.json's id2label has {labels}"
        )),
        Some(_) => Ok(()),
    }
}
