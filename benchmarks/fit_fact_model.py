"""Fit the weights of Storyline's fact scorer (``storyline/data/fact_model.json``).

Uses the MSRP TRAIN split only (4,076 pairs in ``../shared/data/msrp``). Each string is
parsed as the pipeline parses an article sentence (``_msrp_views``); IDF weights come from
the train strings; the features are ``storyline.paraphrase.pair_features``. The model is
an L2-regularised logistic regression (Newton's method, numpy). The regularisation
strength and the decision threshold are chosen by 5-fold cross-validation on train; the
final weights are fitted on all of train. The test split is never read here.

Usage:
    python benchmarks/fit_fact_model.py                      # fit and write the JSON
    python benchmarks/fit_fact_model.py --cache /tmp/msrp.pkl --ablate --dry-run
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from _alignment_data import MSRP_TRAIN, data_root, read_msrp
from _msrp_views import parse_cues, split_weights, views_of

from storyline.paraphrase import MODEL_PATH, pair_features

FOLDS = 5
L2_GRID = (0.3, 1.0, 3.0, 10.0)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """(mean, scale, weights, bias) of an L2 logistic regression on standardised x."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    design = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    weights = np.zeros(design.shape[1])
    penalty = np.full(design.shape[1], l2)
    penalty[-1] = 0.0  # the bias is not regularised
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-design @ weights))
        gradient = design.T @ (p - y) + penalty * weights
        hessian = (design * (p * (1 - p))[:, None]).T @ design + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-9:
            break
    return mean, scale, weights[:-1], float(weights[-1])


def predict(model: tuple[np.ndarray, np.ndarray, np.ndarray, float], x: np.ndarray
            ) -> np.ndarray:
    mean, scale, weights, bias = model
    return np.asarray(1.0 / (1.0 + np.exp(-(((x - mean) / scale) @ weights + bias))))


def out_of_fold(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """Probabilities for every train pair from a model fitted on the other folds."""
    folds = np.arange(len(y)) % FOLDS
    probabilities = np.zeros(len(y))
    for fold in range(FOLDS):
        held = folds == fold
        probabilities[held] = predict(fit_logistic(x[~held], y[~held], l2), x[held])
    return probabilities


def accuracy(probabilities: np.ndarray, y: np.ndarray, threshold: float) -> float:
    return float(((probabilities >= threshold) == (y == 1)).mean())


def best_threshold(probabilities: np.ndarray, y: np.ndarray) -> float:
    """The accuracy-maximising threshold on a 0.01 grid (ties: closest to 0.5)."""
    grid = [round(t, 2) for t in np.arange(0.30, 0.71, 0.01)]
    return max(grid, key=lambda t: (accuracy(probabilities, y, t), -abs(t - 0.5)))


def feature_matrix(names: Sequence[str], rows: Sequence[dict[str, float]]) -> np.ndarray:
    return np.array([[row[name] for name in names] for row in rows], dtype=float)


def ablation(names: Sequence[str], x: np.ndarray, y: np.ndarray, l2: float,
             base: float) -> dict[str, float]:
    """Cross-validated accuracy change when one feature family is left out."""
    families = sorted({name.rsplit("_", 1)[0] if name.endswith(("_min", "_max")) else name
                       for name in names})
    changes = {}
    for family in families:
        keep = [i for i, name in enumerate(names)
                if name != family and not name.startswith(family + "_")]
        changes[family] = round(accuracy(out_of_fold(x[:, keep], y, l2), y, 0.5) - base, 4)
    return changes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=None,
                        help="pickle of the parsed MSRP strings (made if missing)")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--ablate", action="store_true",
                        help="also report the CV accuracy without each feature family")
    parser.add_argument("--dry-run", action="store_true", help="report, write nothing")
    args = parser.parse_args(argv)
    path = data_root() / "msrp" / MSRP_TRAIN
    if not path.is_file():
        print(f"skipped: {path} not found")
        return 0
    train = read_msrp(path)
    texts = sorted({p.text1 for p in train} | {p.text2 for p in train})
    cues = parse_cues(texts, args.cache)
    views, weights = views_of(cues), split_weights(train, cues)
    rows = [pair_features(views[p.text1], views[p.text2], weights) for p in train]
    names = list(rows[0])
    x, y = feature_matrix(names, rows), np.array([p.label for p in train], dtype=float)
    cv = {l2: out_of_fold(x, y, l2) for l2 in L2_GRID}
    l2 = max(L2_GRID, key=lambda value: (accuracy(cv[value], y, 0.5), value))
    threshold = best_threshold(cv[l2], y)
    mean, scale, coefficients, bias = fit_logistic(x, y, l2)
    report: dict[str, Any] = {
        "cv_accuracy_by_l2": {str(k): round(accuracy(v, y, 0.5), 4) for k, v in cv.items()},
        "cv_accuracy": round(accuracy(cv[l2], y, threshold), 4),
        "train_accuracy": round(accuracy(predict((mean, scale, coefficients, bias), x), y,
                                         threshold), 4)}
    if args.ablate:
        report["ablation"] = ablation(names, x, y, l2, accuracy(cv[l2], y, 0.5))
    model = {
        "about": "Logistic regression over storyline.paraphrase.pair_features: probability "
                 "that two sentences state the same fact. Fitted on the MSRP train split "
                 "only by benchmarks/fit_fact_model.py; regularisation and threshold chosen "
                 f"by {FOLDS}-fold cross-validation on train.",
        "trained_on": {"corpus": "MSRP train", "pairs": len(train),
                       "paraphrase_share": round(float(y.mean()), 4)},
        "l2": l2, "threshold": threshold, **report,
        "features": names, "mean": _rounded(mean), "scale": _rounded(scale),
        "weights": _rounded(coefficients), "bias": round(bias, 6),
    }
    print(json.dumps({k: v for k, v in model.items()
                      if k not in ("mean", "scale", "weights", "features")}, indent=2))
    for name, weight in sorted(zip(names, coefficients, strict=True), key=lambda t: -abs(t[1])):
        print(f"  {name:24s} {weight:+.3f}", file=sys.stderr)
    if not args.dry_run:
        args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


def _rounded(values: np.ndarray) -> list[float]:
    return [round(float(v), 6) for v in values]


if __name__ == "__main__":
    raise SystemExit(main())
