/** API schemas of requests (filled by its module). */
export {};
