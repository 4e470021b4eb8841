/** API schemas of wishes (filled by its module). */
export {};
