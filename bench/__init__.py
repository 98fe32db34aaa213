"""Benchmarks (not tests): corpus generator and loaders measured side by side."""
