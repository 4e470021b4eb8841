/** The figures catalogue: every figure the platform computes, with its name, parameters and route. */
import { Type, type Static } from '@sinclair/typebox';

export const FigureEntry = Type.Object({
  key: Type.String({ description: '<module>.<figure>' }),
  name: Type.Object({ zh: Type.String(), en: Type.String() }),
  route: Type.String({ description: 'METHOD /path' }),
  excel: Type.Optional(Type.String({ description: 'the route of its Excel export' })),
  depends: Type.Array(Type.String(), { description: 'the data versions it is computed from' }),
  params: Type.Unknown({ description: "the JSON schema of the route's query" }),
});
export type FigureEntryT = Static<typeof FigureEntry>;

export const FigureCatalogue = Type.Object({ items: Type.Array(FigureEntry) });
export type FigureCatalogueT = Static<typeof FigureCatalogue>;
