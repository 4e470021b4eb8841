/** API schemas of serviceStats (filled by its module). */
export {};
