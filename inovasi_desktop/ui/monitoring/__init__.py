"""The Pemantauan page: the region's view of every OPD, the SPD form, the OPD list and the recap."""
