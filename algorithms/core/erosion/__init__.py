"""Soil erosion: the CSLE factors, SL 190 classes, the SWC rate, and their builders (R, K, change, eroded forest)."""
