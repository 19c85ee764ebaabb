"""Shouhu (守护): care teams for students in psychological crisis."""
