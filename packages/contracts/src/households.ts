/** API schemas of households (filled by its module). */
export {};
