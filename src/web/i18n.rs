//! The widget's own words in English, Spanish and French. Weekday names, times, numbers
//! and dates come from the browser's `Intl` through the loader's hooks, not from tables.

use super::text::lines;

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
        let all = match self {
            Lang::En => EN,
            Lang::Es => ES,
            Lang::Fr => FR,
        };
        // A plain scan: `split` and `nth` bring their own searcher code.
        let (mut from, mut n) = (0, m as usize);
        for (i, b) in all.bytes().enumerate() {
            if b == b'\n' {
                if n == 0 {
                    return all.get(from..i).unwrap_or_default();
                }
                n -= 1;
                from = i + 1;
            }
        }
        all.get(from..).unwrap_or_default()
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

/// Every message the widget shows. Each language holds them as one string, a message a
/// line (one string instead of a table of 51 pointers and lengths per language).
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

/// English: one message a line, in the order of [`Msg`].
const EN: &str = concat!(
    "meeting\n",
    "meetings\n",
    "When\n",
    "What\n",
    "Where\n",
    "Day\n",
    "Any day\n",
    "Today\n",
    "Time\n",
    "Any time\n",
    "Morning\n",
    "Midday\n",
    "Evening\n",
    "Night\n",
    "Types\n",
    "Region\n",
    "Everywhere\n",
    "Attendance\n",
    "Any\n",
    "In person\n",
    "Online\n",
    "Hybrid\n",
    "Inactive\n",
    "Use my location\n",
    "Near a place\n",
    "Within\n",
    "Any distance\n",
    "Search words\n",
    "Reset filters\n",
    "Show more\n",
    "In progress\n",
    "Starting soon\n",
    "Back to results\n",
    "Directions\n",
    "Join online\n",
    "Call\n",
    "Add to calendar\n",
    "Meeting page\n",
    "Send feedback\n",
    "Notes\n",
    "Group\n",
    "Loading meetings…\n",
    "The meetings could not be loaded. Please try again later.\n",
    "Showing the copy saved on \n",
    " records could not be read.\n",
    "Your location is not available.\n",
    "No place by that name in these meetings.\n",
    "By appointment\n",
    "No meetings match these filters.\n",
    "your location\n",
    "Filters",
);

/// Spanish: one message a line, in the order of [`Msg`].
const ES: &str = concat!(
    "reunión\n",
    "reuniones\n",
    "Cuándo\n",
    "Qué\n",
    "Dónde\n",
    "Día\n",
    "Cualquier día\n",
    "Hoy\n",
    "Hora\n",
    "Cualquier hora\n",
    "Mañana\n",
    "Mediodía\n",
    "Tarde\n",
    "Noche\n",
    "Tipos\n",
    "Región\n",
    "Todas partes\n",
    "Asistencia\n",
    "Cualquiera\n",
    "En persona\n",
    "En línea\n",
    "Híbrida\n",
    "Inactiva\n",
    "Usar mi ubicación\n",
    "Cerca de un lugar\n",
    "A menos de\n",
    "Cualquier distancia\n",
    "Buscar palabras\n",
    "Quitar filtros\n",
    "Mostrar más\n",
    "En curso\n",
    "Empieza pronto\n",
    "Volver a los resultados\n",
    "Cómo llegar\n",
    "Unirse en línea\n",
    "Llamar\n",
    "Añadir al calendario\n",
    "Página de la reunión\n",
    "Enviar comentarios\n",
    "Notas\n",
    "Grupo\n",
    "Cargando reuniones…\n",
    "No se pudieron cargar las reuniones. Inténtelo más tarde.\n",
    "Se muestra la copia guardada el \n",
    " registros no se pudieron leer.\n",
    "Su ubicación no está disponible.\n",
    "Ningún lugar con ese nombre en estas reuniones.\n",
    "Con cita previa\n",
    "Ninguna reunión coincide con estos filtros.\n",
    "su ubicación\n",
    "Filtros",
);

/// French: one message a line, in the order of [`Msg`].
const FR: &str = concat!(
    "réunion\n",
    "réunions\n",
    "Quand\n",
    "Quoi\n",
    "Où\n",
    "Jour\n",
    "N’importe quel jour\n",
    "Aujourd’hui\n",
    "Heure\n",
    "N’importe quelle heure\n",
    "Matin\n",
    "Midi\n",
    "Soir\n",
    "Nuit\n",
    "Types\n",
    "Région\n",
    "Partout\n",
    "Participation\n",
    "Toutes\n",
    "Sur place\n",
    "En ligne\n",
    "Hybride\n",
    "Inactive\n",
    "Utiliser ma position\n",
    "Près d’un lieu\n",
    "Dans un rayon de\n",
    "Toute distance\n",
    "Rechercher des mots\n",
    "Effacer les filtres\n",
    "Afficher plus\n",
    "En cours\n",
    "Commence bientôt\n",
    "Retour aux résultats\n",
    "Itinéraire\n",
    "Rejoindre en ligne\n",
    "Appeler\n",
    "Ajouter au calendrier\n",
    "Page de la réunion\n",
    "Envoyer une remarque\n",
    "Notes\n",
    "Groupe\n",
    "Chargement des réunions…\n",
    "Les réunions n’ont pas pu être chargées. Réessayez plus tard.\n",
    "Copie enregistrée le \n",
    " enregistrements n’ont pas pu être lus.\n",
    "Votre position n’est pas disponible.\n",
    "Aucun lieu de ce nom dans ces réunions.\n",
    "Sur rendez-vous\n",
    "Aucune réunion ne correspond à ces filtres.\n",
    "votre position\n",
    "Filtres",
);

// Every language has one line per message.
const _: () = assert!(lines(EN) == Msg::Filters as usize + 1);
const _: () = assert!(lines(ES) == lines(EN) && lines(FR) == lines(EN));
