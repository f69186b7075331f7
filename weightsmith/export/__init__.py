"""Exports of weightsmith models."""
