"""Modules of a transformer: its weight graph, partitions of it (Gomory–Hu tree, Flake's α-cut,
spectral n-cut, Louvain), their scores and significance, ground truth from the compiler, and a
describer that says in words what each module computes. See docs/modularity.md."""
