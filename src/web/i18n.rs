//! The widget's own words in English, Spanish and French. Weekday names, times, numbers
//! and dates come from the browser's `Intl` through the loader's hooks, not from tables.

/// A language the widget speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// English (the fallback).
    En,
    /// Spanish.
    Es,
    /// French.
    Fr,
}

impl Lang {
    /// The language of a BCP 47 tag (`fr-CA` → French); English when not spoken here.
    pub fn from_tag(tag: &str) -> Lang {
        let p = tag.as_bytes();
        let is = |x: &[u8]| {
            p.len() >= 2
                && p[..2].eq_ignore_ascii_case(x)
                && (p.len() == 2 || p[2] == b'-' || p[2] == b'_')
        };
        if is(b"es") {
            Lang::Es
        } else if is(b"fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    /// The two-letter code, for the `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Fr => "fr",
        }
    }

    /// The text of `m` in this language.
    pub fn t(self, m: Msg) -> &'static str {
        let i = m as usize;
        match self {
            Lang::En => EN[i],
            Lang::Es => ES[i],
            Lang::Fr => FR[i],
        }
    }

    /// "1 meeting" / "14 meetings": the noun for `n` results.
    pub fn meetings(self, n: u32) -> &'static str {
        let one = match self {
            Lang::Fr => n <= 1,
            _ => n == 1,
        };
        self.t(if one { Msg::Meeting } else { Msg::Meetings })
    }
}

/// Every message the widget shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Msg {
    Meeting,
    Meetings,
    When,
    What,
    Where,
    Day,
    AnyDay,
    Today,
    Time,
    AnyTime,
    Morning,
    Midday,
    Evening,
    Night,
    Types,
    Region,
    AnyRegion,
    Attendance,
    Any,
    InPerson,
    Online,
    Hybrid,
    Inactive,
    UseLocation,
    Place,
    Within,
    AnyDistance,
    Search,
    Reset,
    ShowMore,
    InProgress,
    StartingSoon,
    Back,
    Directions,
    JoinOnline,
    Call,
    AddCalendar,
    MeetingPage,
    Feedback,
    Notes,
    Group,
    Loading,
    LoadFailed,
    SavedCopy,
    Unreadable,
    NoLocation,
    NoPlace,
    Appointment,
    NoResults,
    MyLocation,
    Filters,
}

const EN: [&str; 51] = [
    "meeting",
    "meetings",
    "When",
    "What",
    "Where",
    "Day",
    "Any day",
    "Today",
    "Time",
    "Any time",
    "Morning",
    "Midday",
    "Evening",
    "Night",
    "Types",
    "Region",
    "Everywhere",
    "Attendance",
    "Any",
    "In person",
    "Online",
    "Hybrid",
    "Inactive",
    "Use my location",
    "Near a place",
    "Within",
    "Any distance",
    "Search words",
    "Reset filters",
    "Show more",
    "In progress",
    "Starting soon",
    "Back to results",
    "Directions",
    "Join online",
    "Call",
    "Add to calendar",
    "Meeting page",
    "Send feedback",
    "Notes",
    "Group",
    "Loading meetings…",
    "The meetings could not be loaded. Please try again later.",
    "Showing the copy saved on ",
    " records could not be read.",
    "Your location is not available.",
    "No place by that name in these meetings.",
    "By appointment",
    "No meetings match these filters.",
    "your location",
    "Filters",
];

const ES: [&str; 51] = [
    "reunión",
    "reuniones",
    "Cuándo",
    "Qué",
    "Dónde",
    "Día",
    "Cualquier día",
    "Hoy",
    "Hora",
    "Cualquier hora",
    "Mañana",
    "Mediodía",
    "Tarde",
    "Noche",
    "Tipos",
    "Región",
    "Todas partes",
    "Asistencia",
    "Cualquiera",
    "En persona",
    "En línea",
    "Híbrida",
    "Inactiva",
    "Usar mi ubicación",
    "Cerca de un lugar",
    "A menos de",
    "Cualquier distancia",
    "Buscar palabras",
    "Quitar filtros",
    "Mostrar más",
    "En curso",
    "Empieza pronto",
    "Volver a los resultados",
    "Cómo llegar",
    "Unirse en línea",
    "Llamar",
    "Añadir al calendario",
    "Página de la reunión",
    "Enviar comentarios",
    "Notas",
    "Grupo",
    "Cargando reuniones…",
    "No se pudieron cargar las reuniones. Inténtelo más tarde.",
    "Se muestra la copia guardada el ",
    " registros no se pudieron leer.",
    "Su ubicación no está disponible.",
    "Ningún lugar con ese nombre en estas reuniones.",
    "Con cita previa",
    "Ninguna reunión coincide con estos filtros.",
    "su ubicación",
    "Filtros",
];

const FR: [&str; 51] = [
    "réunion",
    "réunions",
    "Quand",
    "Quoi",
    "Où",
    "Jour",
    "N’importe quel jour",
    "Aujourd’hui",
    "Heure",
    "N’importe quelle heure",
    "Matin",
    "Midi",
    "Soir",
    "Nuit",
    "Types",
    "Région",
    "Partout",
    "Participation",
    "Toutes",
    "Sur place",
    "En ligne",
    "Hybride",
    "Inactive",
    "Utiliser ma position",
    "Près d’un lieu",
    "Dans un rayon de",
    "Toute distance",
    "Rechercher des mots",
    "Effacer les filtres",
    "Afficher plus",
    "En cours",
    "Commence bientôt",
    "Retour aux résultats",
    "Itinéraire",
    "Rejoindre en ligne",
    "Appeler",
    "Ajouter au calendrier",
    "Page de la réunion",
    "Envoyer une remarque",
    "Notes",
    "Groupe",
    "Chargement des réunions…",
    "Les réunions n’ont pas pu être chargées. Réessayez plus tard.",
    "Copie enregistrée le ",
    " enregistrements n’ont pas pu être lus.",
    "Votre position n’est pas disponible.",
    "Aucun lieu de ce nom dans ces réunions.",
    "Sur rendez-vous",
    "Aucune réunion ne correspond à ces filtres.",
    "votre position",
    "Filtres",
];
