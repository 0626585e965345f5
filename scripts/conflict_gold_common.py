"""Shared by scripts/score_conflict_*.py: run the newsgrist binary on a gold
file in a temporary directory and read back one of its outputs."""
import json
import subprocess
import tempfile


def run_records(binary, gold_path, output):
    """The records of `output` (e.g. "tolls.jsonl") written by `binary run
    gold_path` (relations off: the scorers do not read them)."""
    with tempfile.TemporaryDirectory(prefix='newsgrist-gold-') as work:
        subprocess.run([binary, 'run', gold_path, '--out', work + '/out', '-q', '--no-relations'],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        with open(f'{work}/out/{output}') as records:
            return [json.loads(line) for line in records]
