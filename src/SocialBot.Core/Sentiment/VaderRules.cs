namespace SocialBot.Core.Sentiment;

/// <summary>
/// The constants and word lists of the VADER algorithm (Hutto and Gilbert, ICWSM 2014), as described in the paper:
/// a booster raises (or a dampener lowers) the intensity of the next sentiment word by a fixed step, a negation within
/// three words flips and shrinks it, upper case in mixed-case text adds emphasis, and so on.
/// </summary>
internal static class VaderRules
{
    /// <summary>Intensity step added by a booster such as "very" (in the direction of the word's valence).</summary>
    public const double BoosterIncrement = 0.293;

    /// <summary>Intensity step removed by a dampener such as "slightly".</summary>
    public const double BoosterDecrement = -0.293;

    /// <summary>Emphasis of an ALL-CAPS word when the rest of the text is not shouting.</summary>
    public const double CapsIncrement = 0.733;

    /// <summary>A negated sentiment word keeps about three quarters of its strength with the opposite sign.</summary>
    public const double NegationScalar = -0.74;

    /// <summary>Normalisation constant: compound = sum / sqrt(sum² + 15), which approaches ±1 for large sums.</summary>
    public const double NormalisationAlpha = 15;

    /// <summary>Each exclamation mark (up to four) adds this much intensity.</summary>
    public const double ExclamationIncrement = 0.292;

    /// <summary>Each question mark, when there are two or three, adds this much; four or more add <see cref="QuestionCap"/>.</summary>
    public const double QuestionIncrement = 0.18;

    public const double QuestionCap = 0.96;

    /// <summary>Weight of the words before the first "but" …</summary>
    public const double BeforeBut = 0.5;

    /// <summary>… and after it: the clause after "but" carries the writer's real opinion.</summary>
    public const double AfterBut = 1.5;

    public static readonly string[] Negations =
    [
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "dont", "hadnt", "hasnt", "havent",
        "isnt", "mightnt", "mustnt", "neither", "neednt", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
        "oughtnt", "shant", "shouldnt", "uhuh", "uh-uh", "wasnt", "werent", "without", "wont", "wouldnt", "rarely",
        "seldom", "despite",
    ];

    public static readonly string[] Boosters =
    [
        "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably", "decidedly", "deeply",
        "effing", "enormous", "enormously", "entirely", "especially", "exceptional", "exceptionally", "extreme",
        "extremely", "fabulously", "flipping", "flippin", "frackin", "fracking", "fricking", "frickin", "frigging",
        "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely",
        "incredible", "incredibly", "intensely", "major", "majorly", "more", "most", "particularly", "purely", "quite",
        "really", "remarkably", "so", "substantially", "thoroughly", "total", "totally", "tremendous", "tremendously",
        "uber", "unbelievably", "unusually", "utter", "utterly", "very",
    ];

    public static readonly string[] Dampeners =
    [
        "almost", "barely", "hardly", "kinda", "kindof", "kind-of", "less", "little", "marginal", "marginally",
        "occasional", "occasionally", "partly", "scarce", "scarcely", "slight", "slightly", "somewhat", "sorta",
        "sortof", "sort-of",
    ];

    /// <summary>Two-word dampeners checked as n-grams before a sentiment word.</summary>
    public static readonly string[][] DampenerPhrases = [["just", "enough"], ["kind", "of"], ["sort", "of"]];

    /// <summary>Idioms whose meaning is not the sum of their words; the phrase's valence replaces the word's.</summary>
    public static readonly (string[] Words, double Valence)[] Idioms =
    [
        (["the", "shit"], 3), (["the", "bomb"], 3), (["bad", "ass"], 1.5), (["badass"], 1.5), (["bus", "stop"], 0),
        (["yeah", "right"], -2), (["kiss", "of", "death"], -1.5), (["to", "die", "for"], 3),
        (["beating", "heart"], 3.1), (["broken", "heart"], -2.9),
    ];

    public static readonly (string Word, VaderWord Flag)[] Keywords =
    [
        ("no", VaderWord.No), ("never", VaderWord.Never), ("so", VaderWord.SoOrThis), ("this", VaderWord.SoOrThis),
        ("without", VaderWord.Without), ("doubt", VaderWord.Doubt), ("least", VaderWord.Least),
        ("at", VaderWord.AtOrVery), ("very", VaderWord.AtOrVery), ("kind", VaderWord.Kind), ("of", VaderWord.Of),
        ("but", VaderWord.But), ("or", VaderWord.OrNor), ("nor", VaderWord.OrNor),
    ];
}
