/**
 * Venezuela's 23 states and the Capital District, with Open Civic Data division ids as stable external codes.
 * Names and the count are real; `slug` follows OCD's lower-case, underscore convention.
 */
export const STATES: readonly { name: string; slug: string }[] = [
  { name: 'Amazonas', slug: 'amazonas' },
  { name: 'Anzoátegui', slug: 'anzoategui' },
  { name: 'Apure', slug: 'apure' },
  { name: 'Aragua', slug: 'aragua' },
  { name: 'Barinas', slug: 'barinas' },
  { name: 'Bolívar', slug: 'bolivar' },
  { name: 'Carabobo', slug: 'carabobo' },
  { name: 'Cojedes', slug: 'cojedes' },
  { name: 'Delta Amacuro', slug: 'delta_amacuro' },
  { name: 'Distrito Capital', slug: 'distrito_capital' },
  { name: 'Falcón', slug: 'falcon' },
  { name: 'Guárico', slug: 'guarico' },
  { name: 'La Guaira', slug: 'la_guaira' },
  { name: 'Lara', slug: 'lara' },
  { name: 'Mérida', slug: 'merida' },
  { name: 'Miranda', slug: 'miranda' },
  { name: 'Monagas', slug: 'monagas' },
  { name: 'Nueva Esparta', slug: 'nueva_esparta' },
  { name: 'Portuguesa', slug: 'portuguesa' },
  { name: 'Sucre', slug: 'sucre' },
  { name: 'Táchira', slug: 'tachira' },
  { name: 'Trujillo', slug: 'trujillo' },
  { name: 'Yaracuy', slug: 'yaracuy' },
  { name: 'Zulia', slug: 'zulia' },
];

export const stateCode = (slug: string) => `ocd-division/country:ve/estado:${slug}`;
export const municipalityCode = (stateSlug: string, slug: string) => `${stateCode(stateSlug)}/municipio:${slug}`;
export const parishCode = (stateSlug: string, municipioSlug: string, slug: string) =>
  `${municipalityCode(stateSlug, municipioSlug)}/parroquia:${slug}`;
