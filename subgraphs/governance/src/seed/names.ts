/**
 * Common Venezuelan given names and surnames, combined by the seeded generator into synthetic spokesperson
 * names: the sample holds no real person.
 */
export const GIVEN_NAMES = [
  'María', 'José', 'Carmen', 'Luis', 'Ana', 'Carlos', 'Yelitza', 'Jesús', 'Rosa', 'Pedro', 'Milagros', 'Juan',
  'Yajaira', 'Rafael', 'Gladys', 'Francisco', 'Belkis', 'Ramón', 'Nelly', 'Manuel', 'Xiomara', 'Antonio', 'Zuleima', 'Ángel',
];
export const SURNAMES = [
  'González', 'Rodríguez', 'Pérez', 'Hernández', 'García', 'Martínez', 'López', 'Díaz', 'Sánchez', 'Ramírez', 'Torres',
  'Rojas', 'Flores', 'Mendoza', 'Castillo', 'Blanco', 'Medina', 'Suárez', 'Guzmán', 'Moreno', 'Colmenares', 'Barrios',
];
