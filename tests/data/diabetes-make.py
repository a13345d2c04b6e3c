#!/usr/bin/python3
"""Write the diabetes data and scikit-learn's reference solutions.

Run by hand, from the top of the tree, where scikit-learn is installed
(Debian: apt-get install python3-sklearn); the tests need only its output:

    /usr/bin/python3 tests/data/diabetes-make.py

The data: Efron, Hastie, Johnstone and Tibshirani, "Least angle regression",
Annals of Statistics 32(2), 2004, 442 patients, 10 baseline variables (age,
sex, body-mass index, blood pressure, six blood serum measurements) and a
measure of disease progression one year later, as scikit-learn ships it
(sklearn.datasets.load_diabetes(scaled=False): the original, unscaled values;
scikit-learn is distributed under the BSD 3-Clause licence).
"""
import sys
import numpy as np
import sklearn
from sklearn.datasets import load_diabetes
from sklearn.linear_model import LinearRegression, Ridge

d = load_diabetes(scaled=False)
X, y, names = d.data, d.target, list(d.feature_names)
out = "tests/data/"

def fmt(v):
    return repr(float(v))

with open(out + "diabetes.csv", "w") as f:          # comma, header row
    f.write(",".join(names + ["target"]) + "\n")
    for row, t in zip(X, y):
        f.write(",".join(fmt(v) for v in list(row) + [t]) + "\n")
with open(out + "diabetes.tsv", "w") as f:          # tab, no header
    for row, t in zip(X, y):
        f.write("\t".join(fmt(v) for v in list(row) + [t]) + "\n")

def write(name, coef, intercept=None):
    with open(out + name, "w") as f:
        if intercept is not None:
            f.write(fmt(intercept) + "\n")
        for c in coef:
            f.write(fmt(c) + "\n")

LAMBDA = 1.0
m = LinearRegression(fit_intercept=False).fit(X, y)
write("diabetes-lsq.ref", m.coef_)
m = LinearRegression().fit(X, y)
write("diabetes-lsq-intercept.ref", m.coef_, m.intercept_)
m = Ridge(alpha=LAMBDA, fit_intercept=False, solver="svd").fit(X, y)
write("diabetes-ridge.ref", m.coef_)
m = Ridge(alpha=LAMBDA, solver="svd").fit(X, y)
write("diabetes-ridge-intercept.ref", m.coef_, m.intercept_)
print("scikit-learn", sklearn.__version__, "numpy", np.__version__,
      file=sys.stderr)
