"""Hand-written word lists for linking: titles and ranks, demonym suffixes and irregular demonyms,
and the international organisations that news names by acronym.

Written for this project from general knowledge of the languages (not taken from any corpus);
see ``dateline/data/gazetteer.PROVENANCE.md``. Forms are matched through ``keys.name_key``, so
listing the base form of a word covers its case endings.
"""

from __future__ import annotations

# -- titles and ranks, per language; multi-word titles first is not needed (longest match wins) --
TITLES: dict[str, tuple[str, ...]] = {
    "en": (
        "Field Marshal", "Marshal", "General", "Gen.", "Lt. Gen.", "Lieutenant General", "Major General",
        "Maj. Gen.", "Brigadier General", "Brig. Gen.", "Colonel", "Col.", "Major", "Maj.", "Captain",
        "Capt.", "Lieutenant", "Lt.", "Sergeant", "Sgt.", "Admiral", "Adm.", "Commander", "Cmdr.",
        "President", "Vice President", "Vice-President", "Prime Minister", "Deputy Prime Minister",
        "Minister", "Foreign Minister", "Defence Minister", "Defense Minister", "Interior Minister",
        "Finance Minister", "Secretary of State", "Secretary", "Chancellor", "King", "Queen", "Prince",
        "Princess", "Crown Prince", "Emperor", "Sheikh", "Pope", "Cardinal", "Archbishop", "Bishop",
        "Father", "Rabbi", "Imam", "Ayatollah", "Dr.", "Dr", "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms",
        "Sir", "Dame", "Lord", "Lady", "Senator", "Sen.", "Rep.", "Representative", "Governor", "Gov.",
        "Mayor", "Judge", "Justice", "Ambassador", "Envoy", "Chairman", "Chief", "CEO", "Spokesman",
        "Spokeswoman", "Professor", "Prof.", "Speaker", "Premier", "Commissioner",
        "Commander-in-Chief", "Commander in Chief", "Chief of Staff", "Chief of Army Staff",
        "Chief of General Staff", "Chief of Defence Staff", "Army Chief", "Head of State",
    ),
    "it": (
        "feldmaresciallo", "maresciallo", "generale", "gen.", "tenente generale", "colonnello", "col.",
        "maggiore", "capitano", "ammiraglio", "comandante", "presidente", "vicepresidente",
        "primo ministro", "premier", "ministro", "ministro degli Esteri", "ministro della Difesa",
        "ministro dell'Interno", "segretario di Stato", "segretario", "cancelliere", "re", "regina",
        "principe", "principessa", "papa", "cardinale", "arcivescovo", "vescovo", "padre", "don",
        "dott.", "dottor", "dottore", "prof.", "professore", "sig.", "signor", "signora", "on.",
        "onorevole", "senatore", "senatrice", "deputato", "governatore", "sindaco", "giudice",
        "ambasciatore", "inviato", "portavoce", "sceicco", "emiro",
        "capo di Stato Maggiore", "capo di Stato Maggiore dell'esercito", "capo dell'esercito",
        "comandante in capo", "capo di Stato",
    ),
    "fr": (
        "maréchal", "général", "gén.", "colonel", "commandant", "capitaine", "amiral", "président",
        "présidente", "vice-président", "Premier ministre", "ministre", "ministre des Affaires étrangères",
        "secrétaire d'État", "chancelier", "chancelière", "roi", "reine", "prince", "princesse", "pape",
        "cardinal", "archevêque", "évêque", "père", "M.", "Mme", "Mlle", "Dr", "docteur", "professeur",
        "sénateur", "gouverneur", "maire", "juge", "ambassadeur", "émissaire", "porte-parole", "cheikh",
        "émir",
    ),
    "es": (
        "mariscal", "general", "gral.", "coronel", "comandante", "capitán", "almirante", "presidente",
        "presidenta", "vicepresidente", "primer ministro", "primera ministra", "ministro", "ministra",
        "canciller", "secretario de Estado", "rey", "reina", "príncipe", "princesa", "papa", "cardenal",
        "arzobispo", "obispo", "padre", "Sr.", "Sra.", "Dr.", "Dra.", "doctor", "profesor", "senador",
        "gobernador", "alcalde", "alcaldesa", "juez", "jueza", "embajador", "enviado", "portavoz", "jeque",
        "emir",
    ),
    "pt": (
        "marechal", "general", "coronel", "comandante", "capitão", "almirante", "presidente",
        "vice-presidente", "primeiro-ministro", "primeira-ministra", "ministro", "ministra", "chanceler",
        "secretário de Estado", "rei", "rainha", "príncipe", "princesa", "papa", "cardeal", "arcebispo",
        "bispo", "padre", "Sr.", "Sra.", "Dr.", "Dra.", "doutor", "professor", "senador", "governador",
        "prefeito", "juiz", "embaixador", "enviado", "porta-voz", "xeque", "emir",
    ),
    "de": (
        "Feldmarschall", "Marschall", "General", "Generalleutnant", "Generalmajor", "Oberst", "Major",
        "Hauptmann", "Admiral", "Kommandeur", "Präsident", "Präsidentin", "Vizepräsident",
        "Bundespräsident", "Bundeskanzler", "Bundeskanzlerin", "Kanzler", "Kanzlerin",
        "Ministerpräsident", "Ministerpräsidentin", "Premierminister", "Premierministerin", "Minister",
        "Ministerin", "Außenminister", "Außenministerin", "Verteidigungsminister", "Innenminister",
        "Finanzminister", "Staatssekretär", "König", "Königin", "Prinz", "Prinzessin", "Papst", "Kardinal",
        "Erzbischof", "Bischof", "Pater", "Herr", "Frau", "Dr.", "Prof.", "Senator", "Gouverneur",
        "Bürgermeister", "Bürgermeisterin", "Richter", "Botschafter", "Gesandter", "Sprecher", "Scheich",
        "Emir", "Bevollmächtigte", "Bevollmächtigter", "Sprecherin", "Vorsitzende", "Vorsitzender",
        "Betriebsratschef", "Betriebsratschefin", "Gewerkschaftschef", "Gewerkschaftschefin",
    ),
    "nl": (
        "maarschalk", "generaal", "kolonel", "commandant", "admiraal", "president", "premier",
        "minister-president", "minister", "koning", "koningin", "prins", "prinses", "paus", "kardinaal",
        "bisschop", "dhr.", "mevr.", "dr.", "prof.", "burgemeester", "rechter", "ambassadeur",
        "woordvoerder",
    ),
    "ru": (
        "фельдмаршал", "маршал", "генерал", "генерал-лейтенант", "генерал-майор", "генерал-полковник",
        "полковник", "майор", "капитан", "адмирал", "командующий", "президент", "вице-президент",
        "премьер-министр", "премьер", "министр", "министр иностранных дел", "министр обороны",
        "госсекретарь", "канцлер", "король", "королева", "принц", "принцесса", "папа", "папа римский",
        "кардинал", "архиепископ", "епископ", "патриарх", "митрополит", "доктор", "профессор", "господин",
        "госпожа", "сенатор", "губернатор", "мэр", "судья", "посол", "спикер", "глава", "лидер",
        "председатель", "шейх", "эмир", "депутат",
    ),
    "uk": (
        "фельдмаршал", "маршал", "генерал", "полковник", "майор", "капітан", "адмірал", "командувач",
        "президент", "віце-президент", "прем'єр-міністр", "прем'єр", "міністр", "держсекретар",
        "канцлер", "король", "королева", "принц", "папа", "кардинал", "патріарх", "доктор", "професор",
        "пан", "пані", "сенатор", "губернатор", "мер", "суддя", "посол", "спікер", "голова", "лідер",
        "речник", "депутат",
    ),
    "bg": (
        "фелдмаршал", "маршал", "генерал", "полковник", "майор", "капитан", "адмирал", "президент",
        "вицепрезидент", "премиер", "премиерът", "премиер-министър", "министър", "министър-председател",
        "канцлер", "крал", "кралица", "принц", "папа", "кардинал", "патриарх", "д-р", "доктор",
        "професор", "г-н", "г-жа", "сенатор", "губернатор", "кмет", "съдия", "посланик", "говорител",
        "лидер", "председател", "депутат",
    ),
    "pl": (
        "feldmarszałek", "marszałek", "generał", "gen.", "pułkownik", "płk", "major", "mjr", "kapitan",
        "kpt.", "admirał", "dowódca", "prezydent", "wiceprezydent", "premier", "wicepremier", "minister",
        "szef MSZ", "sekretarz stanu", "kanclerz", "król", "królowa", "książę", "księżna", "papież",
        "kardynał", "arcybiskup", "biskup", "ksiądz", "ks.", "pan", "pani", "dr", "doktor", "prof.",
        "profesor", "senator", "gubernator", "burmistrz", "prezydent miasta", "sędzia", "ambasador",
        "rzecznik", "rzeczniczka", "przewodniczący", "przewodnicząca", "szef", "szefowa", "lider",
        "poseł", "posłanka", "szejk", "emir",
    ),
    "cs": (
        "polní maršál", "maršál", "generál", "gen.", "plukovník", "major", "kapitán", "admirál",
        "prezident", "prezidentka", "viceprezident", "premiér", "premiérka", "ministr", "ministryně",
        "kancléř", "kancléřka", "král", "královna", "princ", "papež", "kardinál", "arcibiskup", "biskup",
        "pan", "paní", "Dr.", "doktor", "prof.", "profesor", "senátor", "guvernér", "starosta", "soudce",
        "velvyslanec", "mluvčí", "předseda", "předsedkyně", "šéf", "šéfka", "lídr", "poslanec",
    ),
    "sk": (
        "generál", "plukovník", "prezident", "prezidentka", "premiér", "minister", "ministerka",
        "kancelár", "kancelárka", "kráľ", "kráľovná", "pápež", "kardinál", "biskup", "pán", "pani",
        "predseda", "predsedníčka", "hovorca", "veľvyslanec", "poslanec",
    ),
    "sl": (
        "feldmaršal", "maršal", "general", "polkovnik", "major", "kapitan", "admiral", "predsednik",
        "predsednica", "podpredsednik", "premier", "premierka", "minister", "ministrica", "kancler",
        "kanclerka", "kralj", "kraljica", "princ", "papež", "kardinal", "nadškof", "škof", "gospod",
        "gospa", "dr.", "prof.", "senator", "guverner", "župan", "sodnik", "veleposlanik", "tiskovni predstavnik",
        "vodja", "poslanec",
    ),
    "hr": (
        "general", "pukovnik", "predsjednik", "predsjednica", "premijer", "premijerka", "ministar",
        "ministrica", "kancelar", "kancelarka", "kralj", "kraljica", "papa", "kardinal", "biskup",
        "gospodin", "gospođa", "dr.", "prof.", "senator", "guverner", "gradonačelnik", "sudac",
        "veleposlanik", "glasnogovornik", "čelnik", "zastupnik",
    ),
}

# -- demonyms and country adjectives --------------------------------------------------------------
# Regular ones are found by rule: a country name's stem + one of these endings (any language, since
# the endings rarely collide); ``gazetteer.demonym_country`` tries them longest first.
DEMONYM_SUFFIXES: tuple[str, ...] = (
    # en
    "ians", "ian", "ans", "an", "ese", "ish", "i", "is", "ean", "eans",
    # it, es, pt
    "iano", "iana", "iani", "iane", "ano", "ana", "ani", "ane", "anos", "anas", "ese", "esi", "ico",
    "ica", "ici", "iche", "icos", "icas", "ino", "ina", "ini", "ine", "eno", "ena", "eni", "ense",
    "enses", "o", "a", "os", "as", "es", "e",
    # fr
    "ais", "aise", "aises", "ois", "oise", "oises", "ien", "ienne", "iens", "iennes", "ain", "aine",
    "ains", "aines", "ique", "iques",
    # de, nl
    "isch", "ische", "ischen", "ischer", "isches", "ischem", "er", "ern", "erin", "s", "se",
    # pl, cs, sk, sl, hr (folded)
    "ski", "ska", "skie", "skiego", "skiej", "skim", "skich", "skimi", "sko", "ske", "skeho", "skem",
    "skych", "skym", "skega", "skih", "czyk", "czycy", "czyka", "czykow", "czykami", "czykom", "ka",
    "anka", "anie", "ci", "cy", "ce", "ec", "cev", "cem", "ka", "ky", "ku", "an", "ane", "anu", "anum",
    # ru, uk, bg (folded)
    "skiy", "skaya", "skoe", "skogo", "skom", "skoy", "skie", "skikh", "skim", "skuyu", "skyy",
    "skiye", "skoye", "skaia", "skii", "skyi", "skogo", "skomu", "sku",
    "ska", "ske", "skykh", "tsy", "tsev", "tsam", "tsami", "ets", "tsa", "ka", "ki", "ok",
)

# Irregular demonyms and adjectives: the word (base form; endings are absorbed by the key) -> ISO code.
DEMONYM_IRREGULAR: dict[str, str] = {}
_IRREGULAR_BY_COUNTRY: dict[str, tuple[str, ...]] = {
    "GB": ("UK", "U.K.", "GB", "ВБ", "British", "Briton", "Britons", "English", "UK", "britannico", "britannica", "britannici",
           "inglese", "inglesi", "britannique", "britanniques", "anglais", "anglaise", "británico",
           "británica", "inglés", "inglesa", "britânico", "britânica", "inglês", "britisch", "Brite",
           "Briten", "englisch", "Engländer", "Brits", "британский", "британцы", "британец",
           "англичане", "английский", "британські", "британський", "британці", "британски",
           "британци", "английски", "brytyjski", "Brytyjczyk", "Brytyjczycy", "angielski", "Anglicy",
           "britský", "Britové", "anglický", "Angličané", "britanski", "Britanci", "Britanec"),
    "US": ("American", "Americans", "US", "U.S.", "USA", "США", "САЩ", "ZDA", "SAD", "SUA", "EUA", "EE.UU.",
           "VS", "America", "Америка", "Ameryka", "Amerika", "Amerique", "Amérique", "Amerika", "americano", "americana", "americani",
           "statunitense", "statunitensi", "américain", "américaine", "américains", "estadounidense",
           "estadounidenses", "norteamericano", "norte-americano", "amerikanisch", "Amerikaner",
           "американский", "американцы", "американец", "американські", "американці", "американски",
           "американци", "amerykański", "Amerykanie", "Amerykanin", "americký", "Američané", "Američan",
           "ameriški", "Američani", "Američan", "američki", "Amerikanci"),
    "DE": ("German", "Germans", "tedesco", "tedesca", "tedeschi", "tedesche", "allemand", "allemande",
           "allemands", "alemán", "alemana", "alemanes", "alemão", "alemã", "alemães", "deutsch",
           "Deutsche", "Deutscher", "немецкий", "немцы", "немец", "німецький", "німці", "германски",
           "германци", "niemiecki", "Niemiec", "německý", "Němci", "nemški", "Nemci", "njemački",
           "Nijemci"),
    "FR": ("French", "Frenchman", "francese", "francesi", "français", "française", "françaises",
           "francés", "francesa", "francês", "französisch", "Franzose", "Franzosen", "французский",
           "французы", "француз", "французький", "французи", "френски", "французите", "francuski",
           "Francuzi", "Francuz", "francouzský", "Francouzi", "francoski", "Francozi", "francuski"),
    "NL": ("Dutch", "olandese", "olandesi", "néerlandais", "hollandais", "holandés", "neerlandés",
           "holandês", "niederländisch", "holländisch", "Niederländer", "голландский", "нидерландский",
           "голландцы", "нідерландський", "холандски", "нидерландски", "holenderski", "Holendrzy",
           "nizozemský", "holandský", "nizozemski"),
    "CH": ("Swiss", "svizzero", "svizzera", "svizzeri", "suisse", "suisses", "suizo", "suiza", "suíço",
           "schweizerisch", "Schweizer", "швейцарский", "швейцарці", "швейцарски", "szwajcarski",
           "Szwajcarzy", "švýcarský", "švicarski"),
    "CN": ("Chinese", "cinese", "cinesi", "chinois", "chinoise", "chino", "china", "chinês",
           "chinesisch", "Chinesen", "китайский", "китайцы", "китайський", "китайці", "китайски",
           "chiński", "Chińczycy", "čínský", "Číňané", "kitajski", "Kitajci", "kineski"),
    "GR": ("Greek", "Greeks", "greco", "greca", "greci", "grec", "grecque", "griego", "griega",
           "grego", "griechisch", "Griechen", "греческий", "греки", "грецький", "гръцки", "grecki",
           "Grecy", "řecký", "Řekové", "grški", "Grki"),
    "TR": ("Turkish", "Turks", "turco", "turca", "turchi", "turc", "turque", "türkisch", "Türken",
           "турецкий", "турки", "турецький", "турски", "турци", "turecki", "Turcy", "turecký", "Turci",
           "turški", "Turki", "turski"),
    "EG": ("Egyptian", "egiziano", "egiziana", "égyptien", "egipcio", "egípcio", "ägyptisch",
           "египетский", "египтяне", "єгипетський", "египетски", "egipski", "egyptský"),
    "RU": ("Russian", "Russians", "russo", "russa", "russi", "russe", "ruso", "rusa", "russisch",
           "Russen", "российский", "русский", "русские", "россияне", "російський", "росіяни",
           "руски", "руснаци", "rosyjski", "Rosjanie", "ruský", "Rusové", "ruski", "Rusi"),
    "ES": ("Spanish", "Spaniard", "spagnolo", "spagnola", "spagnoli", "espagnol", "espagnole",
           "español", "española", "espanhol", "spanisch", "Spanier", "испанский", "испанцы",
           "іспанський", "испански", "hiszpański", "Hiszpanie", "španělský", "španski", "španjolski"),
    "PL": ("Polish", "Poles", "polacco", "polacca", "polacchi", "polonais", "polaco", "polaca",
           "polnisch", "Polen", "польский", "поляки", "польський", "полски", "поляци", "polski",
           "Polacy", "Polak", "polský", "Poláci", "poljski", "Poljaki"),
    "IE": ("Irish", "irlandese", "irlandais", "irlandés", "irlandês", "irisch", "Iren", "ирландский",
           "ірландський", "ирландски", "irlandzki", "Irlandczycy", "irský", "irski", "Irci"),
    "CZ": ("Czech", "Czechs", "ceco", "ceca", "cechi", "tchèque", "checo", "checa", "tcheco",
           "tschechisch", "Tschechen", "чешский", "чехи", "чеський", "чешки", "czeski", "Czesi",
           "český", "Češi", "češki", "Čehi"),
    "DK": ("Danish", "Danes", "danese", "danois", "danés", "dinamarquês", "dänisch", "датский",
           "датски", "duński", "dánský", "danski"),
    "SE": ("Swedish", "Swedes", "svedese", "suédois", "sueco", "schwedisch", "шведский", "шведски",
           "szwedzki", "švédský", "švedski"),
    "FI": ("Finnish", "Finns", "finlandese", "finlandais", "finlandés", "finnisch", "финский",
           "фински", "fiński", "finský", "finski"),
    "HU": ("Hungarian", "ungherese", "hongrois", "húngaro", "ungarisch", "венгерский", "угорський",
           "унгарски", "węgierski", "Węgrzy", "maďarský", "madžarski", "mađarski"),
    "JP": ("Japanese", "giapponese", "japonais", "japonés", "japonês", "japanisch", "японский",
           "японски", "japoński", "japonský", "japonski", "japanski"),
    "IL": ("Israeli", "Israelis", "israeliano", "israélien", "israelí", "israelense", "israelisch",
           "израильский", "ізраїльський", "израелски", "izraelski", "izraelský"),
    "SA": ("Saudi", "Saudis", "saudita", "saoudien", "saudí", "saudisch", "саудовский", "saudyjski",
           "saúdský", "saudski"),
    "GE": ("Georgian", "georgiano", "géorgien", "georgisch", "грузинский", "грузинський", "грузински",
           "gruziński", "gruzínský", "gruzijski"),
    "BY": ("Belarusian", "bielorusso", "biélorusse", "bielorruso", "belarussisch", "белорусский",
           "білоруський", "беларуски", "białoruski", "běloruský", "beloruski", "bjeloruski"),
    "AE": ("Emirati", "emiratino", "émirien", "emiratí", "emiratisch", "эмиратский"),
    "NZ": ("New Zealander", "neozelandese", "néo-zélandais", "neozelandés", "neuseeländisch"),
    "KR": ("South Korean", "sudcoreano", "sud-coréen", "surcoreano", "südkoreanisch", "южнокорейский"),
    "KP": ("North Korean", "nordcoreano", "nord-coréen", "norcoreano", "nordkoreanisch", "северокорейский"),
    "BE": ("Belgian", "belga", "belge", "belgisch", "бельгийский", "belgijski", "belgický", "belgijski"),
    "AT": ("Austrian", "austriaco", "autrichien", "austríaco", "österreichisch", "австрийский",
           "austriacki", "rakouský", "avstrijski", "austrijski"),
    "LY": ("Libyan", "Libyans", "libico", "libica", "libici", "libiche", "libyen", "libyenne", "libio", "libia",
           "libysch", "ливийский", "ливийцы", "лівійський", "либийски", "libijski", "libyjský", "libijski"),
    "IQ": ("Iraqi", "iracheno", "irakien", "iraquí", "iraquiano", "irakisch", "иракский", "iracki", "irácký"),
    "IR": ("Iranian", "iraniano", "iranien", "iraní", "iranisch", "иранский", "irański", "íránský"),
    "UA": ("Ukrainian", "ucraino", "ukrainien", "ucraniano", "ukrainisch", "украинский", "украинцы",
           "український", "українці", "украински", "украинци", "ukraiński", "Ukraińcy", "ukrajinský",
           "Ukrajinci", "ukrajinski"),
}
for _iso, _words in _IRREGULAR_BY_COUNTRY.items():
    for _w in _words:
        DEMONYM_IRREGULAR[_w] = _iso

# -- international organisations named by acronym (CLDR covers EU and UN names in every locale) ----
# id -> (English name, acronyms in any language, a few full names in other languages)
ORGANISATIONS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "EU": ("European Union", ("EU", "UE", "ЕС", "ЄС", "ЕУ"),
           ("Евросоюз", "Євросоюз", "Евросъюз", "Unione europea", "Union européenne", "Unión Europea", "Europäische Union", "Unia Europejska",
            "Evropská unie", "Európska únia", "Evropska unija", "Europska unija", "Европейский союз",
            "Європейський Союз", "Европейски съюз", "Европейският съюз")),
    "UN": ("United Nations", ("UN", "ONU", "ONZ", "OSN", "OZN", "UNO", "ООН", "ОНН", "VN"),
           ("Nazioni Unite", "Nations unies", "Naciones Unidas", "Vereinte Nationen", "Organizacja Narodów Zjednoczonych",
            "Organizace spojených národů", "Организация Объединённых Наций", "Організація Об'єднаних Націй")),
    "NATO": ("NATO", ("NATO", "OTAN", "НАТО", "NAVO"), ("North Atlantic Treaty Organization",
             "Organizzazione del Trattato dell'Atlantico del Nord", "Sojusz Północnoatlantycki")),
    "WHO": ("World Health Organization", ("WHO", "OMS", "ВОЗ", "ВООЗ", "СЗО", "SZO", "WGO"),
            ("Organizzazione mondiale della sanità", "Organisation mondiale de la santé",
             "Organización Mundial de la Salud", "Weltgesundheitsorganisation", "Światowa Organizacja Zdrowia",
             "Světová zdravotnická organizace", "Svetovna zdravstvena organizacija",
             "Всемирная организация здравоохранения", "Всесвітня організація охорони здоров'я",
             "Световна здравна организация")),
    "EC": ("European Commission", ("KE", "ЕК", "Єврокомісія", "Еврокомиссия", "Еврокомисия"),
           ("Commissione europea", "Commission européenne", "Comisión Europea", "Europäische Kommission",
            "Komisja Europejska", "Evropská komise", "Evropska komisija", "Europska komisija",
            "Европейская комиссия", "Європейська комісія", "Европейската комисия", "Европейска комисия")),
    "EP": ("European Parliament", ("Europarlament", "Европарламент", "Європарламент"),
           ("Parlamento europeo", "Parlement européen", "Europäisches Parlament", "Parlament Europejski",
            "Evropský parlament", "Evropski parlament", "Europski parlament", "Европейский парламент",
            "Європейський парламент", "Европейският парламент", "Европейски парламент")),
    "ECB": ("European Central Bank", ("ECB", "EZB", "BCE", "ЕЦБ", "ЄЦБ", "EBC"), ("Europejski Bank Centralny",
            "Evropská centrální banka", "Европейский центральный банк")),
    "IMF": ("International Monetary Fund", ("IMF", "FMI", "IWF", "МВФ", "MFW", "MMF", "MDF"),
            ("Fondo monetario internazionale", "Fonds monétaire international", "Fondo Monetario Internacional",
             "Internationaler Währungsfonds", "Międzynarodowy Fundusz Walutowy", "Международный валютный фонд")),
    "OSCE": ("OSCE", ("OSCE", "OSZE", "OBWE", "OBSE", "ОБСЕ", "ОБСЄ", "OVSE", "OESS"), ()),
    "ICC": ("International Criminal Court", ("ICC", "CPI", "IStGH", "МУС", "MTK", "ICC"),
            ("Corte penale internazionale", "Cour pénale internationale", "Corte Penal Internacional",
             "Internationaler Strafgerichtshof", "Międzynarodowy Trybunał Karny", "Международный уголовный суд")),
    "IAEA": ("International Atomic Energy Agency", ("IAEA", "AIEA", "IAEO", "МАГАТЭ", "МАГАТЕ", "MAEA", "MAAE"), ()),
    "WTO": ("World Trade Organization", ("WTO", "OMC", "ВТО", "СОТ", "SOT"), ()),
    "OPEC": ("OPEC", ("OPEC", "OPEP", "ОПЕК"), ()),
    "G7": ("G7", ("G7", "G-7", "Г7", "Г-7"), ()),
    "G20": ("G20", ("G20", "G-20", "Г20", "Г-20"), ()),
}

# Place names CLDR does not list as territories, written as the country news means by them.
# England is the United Kingdom's largest nation, not a state; without this its Slavic forms
# (Англия, Anglii) reached Angola through the phonetic key.
PLACE_ALIASES: dict[str, tuple[str, ...]] = {
    "GB": ("England", "Anglia", "Anglie", "Anglija", "Англия", "Англія", "Inghilterra", "Inglaterra",
           "Angleterre", "Engeland"),
}

# Formal first names and the short forms news writes for the same people (Joe Biden, Bill
# Clinton, Mike Pence), matched by phonetic key, so every script's spelling of either form counts.
NICKNAMES: tuple[tuple[str, str], ...] = (
    ("Joseph", "Joe"), ("William", "Bill"), ("Robert", "Bob"), ("Michael", "Mike"), ("James", "Jim"),
    ("Thomas", "Tom"), ("Anthony", "Tony"), ("Christopher", "Chris"), ("Andrew", "Andy"),
    ("Nicholas", "Nick"), ("Samuel", "Sam"), ("Matthew", "Matt"), ("Benjamin", "Ben"),
    ("Ronald", "Ron"), ("Timothy", "Tim"), ("Kenneth", "Ken"),
)
