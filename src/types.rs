//! Meeting type codes: their names in each language, per fellowship, with overrides.
