using System.Globalization;
using System.Text;

namespace OpenHealthLive.Core.Tests.Questions;

/// <summary>
/// Writes known identifiers the ways an attendee who wants to beat the guard would: every separator people can
/// type between digits, regrouped, in other scripts' digits, with combining marks or look-alike letters, and
/// placed in the question, in the author's name, split between the two, or sent as a word-cloud answer. Fully
/// deterministic: the same list on every run, so a rate measured today means the same tomorrow.
/// </summary>
internal static class GuardVariants
{
    /// <summary>Where a variant is sent.</summary>
    public enum Position
    {
        /// <summary>Inside the question text.</summary>
        Text,

        /// <summary>As the author's name, with a harmless question.</summary>
        Author,

        /// <summary>Split: its first part ends the author's name, its rest starts the question.</summary>
        Split,

        /// <summary>As a word-cloud answer.</summary>
        Word,
    }

    /// <summary>One variant: what kind of identifier, how it is written, and what the phone sends.</summary>
    public sealed record Variant(string Kind, string Written, Position Position, string Text, string? Author)
    {
        public override string ToString() => Position switch
        {
            Position.Text => $"{Kind} in text: {Text}",
            Position.Author => $"{Kind} as author: {Author} | {Text}",
            Position.Split => $"{Kind} split: {Author} | {Text}",
            _ => $"{Kind} as word: {Text}",
        };
    }

    /// <summary>Characters and short runs people put between digits (or that survive copy and paste).</summary>
    public static readonly string[] Separators =
    [
        " ", "-", "/", "_", ",", ".", "•", "‧", "|", "·", "\u00A0", "\u2009", "\u202F", "\u3000", "–", "—", "\u2010",
        ":", "~", "*", "\\", "=", "'", "\u2022", "\u22C5", "\u30FB", "\u2219", "\u2044", "\u2215", "\uFF0F", "\u00A6",
        " / ", " - ", " • ", " | ", " · ", "-/", "..", "__",
    ];

    private static readonly string[] NhsNumbers = ["9434765919", "4010232137", "3260181598", "7301661312", "6091390996", "3308246287", "5190937860", "7975432318"];

    private static readonly int[][] NhsGroupings =
    [
        [3, 3, 4], [4, 3, 3], [3, 4, 3], [2, 2, 2, 2, 2], [5, 5], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [2, 4, 4], [4, 4, 2],
        [3, 3, 2, 2], [1, 3, 3, 3], [4, 6], [6, 4], [3, 7], [7, 3], [2, 3, 3, 2], [2, 8],
    ];

    private static readonly string[] TextTemplates =
    [
        "My patient {0} has the same finding, what would you do?",
        "{0}: is this normal?",
        "Could the model read this one ({0})?",
        "Same here, {0}.",
        "What would you do for {0} in this case?",
        "Seen today\n{0}\nany thoughts?",
    ];

    // (day, month, year) of made-up dates of birth.
    private static readonly (int Day, int Month, int Year)[] Dates = [(3, 5, 1950), (12, 11, 1987), (27, 1, 1961), (9, 10, 2003), (31, 12, 1999), (1, 2, 1945)];

    private static readonly string[] MonthNames =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];

    private static readonly string[] DateSeparators =
    [
        " ", "/", "-", ".", "_", "•", "‧", "|", "·", ",", "\u00A0", " / ", " - ", " • ", "\\", "~", "–", ":", "\u2215", " | ",
    ];

    // Forms of a date, {d} day, {dd} padded day, {m}/{mm} month, {Month}/{Mon}/{month} month words, {yyyy}/{yy} year, {s} separator.
    private static readonly string[] DateForms =
    [
        "{d}{s}{m}{s}{yyyy}",
        "{dd}{s}{mm}{s}{yyyy}",
        "{dd}{s}{mm}{s}{yy}",
        "{yyyy}{s}{mm}{s}{dd}",
        "born {d}{s}{m}{s}{yyyy}",
        "born {d}{s}{m}{s}{yy}",
        "b. {dd}{s}{mm}{s}{yy}",
        "b. {d}{s}{m}{s}{yyyy}",
        "D O B {dd}{s}{mm}{s}{yy}",
        "DOB {d}{s}{m}",
        "dob {dd}{s}{mm}",
        "d.o.b.{s}{d}{s}{m}{s}{yyyy}",
        "date of birth {d}{s}{m}",
        "DOB: {dd}{s}{mm}{s}{yyyy}",
        "{d}{s}{Month}{s}{yyyy}",
        "{d}{s}{Mon}{s}{yy}",
        "{Month}{s}{d}{s}{yyyy}",
        "{month}{s}{d}{s}{yyyy}",
        "born{s}{Month}{s}{yyyy}",
        "{d}{ord}{s}of{s}{Month}{s}{yyyy}",
        "born {d}{s}{Mon}",
        "Born on {d}{s}{m}{s}{yyyy}",
        "birthday {d}{s}{m}{s}{yy}",
    ];

    private static readonly string[] HospitalKeywords =
    [
        "hospital nbr", "hospital number", "hospital no.", "hosp no", "hosp. nbr", "MRN", "M.R.N.", "patient ID", "patient no",
        "pt no", "pt nbr", "unit no", "case no", "hospital #", "medical record number", "CHI no", "Hospital Nbr", "hosp num",
        "record no", "patient number",
    ];

    // Hospital numbers as groups: letters then digit groups; written with a separator between the groups.
    private static readonly string[][] HospitalNumbers = [["K", "123456"], ["K", "123", "456"], ["009", "123", "45"], ["AB", "1234"], ["J", "0012", "345"], ["A", "4458"], ["RXH", "99812"]];

    private static readonly string[] KeywordJoiners = [" ", ": ", "#", " - ", "=", ":", " is ", ". "];

    private static readonly (string Digits, int[][] Groupings)[] NationalPhones =
    [
        ("07700900123", [[5, 6], [5, 3, 3], [4, 3, 4], [3, 4, 4], [11], [2, 3, 3, 3], [3, 3, 5], [1, 4, 6]]),
        ("02079460958", [[3, 4, 4], [2, 4, 5], [3, 8]]),
        ("01614960000", [[4, 3, 4], [5, 6]]),
        ("01632960001", [[5, 6], [5, 3, 3]]),
        ("08001234567", [[4, 3, 4]]),
    ];

    private static readonly string[] InternationalPhones =
    [
        "+44{s}7700{s}900123", "+447700900123", "+44{s}(0){s}7700{s}900123", "0044{s}7700{s}900{s}123", "+44{s}20{s}7946{s}0958",
        "+1{s}415{s}555{s}0132", "+33{s}1{s}23{s}45{s}67{s}89", "+49{s}30{s}12345678", "+353{s}87{s}123{s}4567", "+61{s}412{s}345{s}678",
    ];

    private static readonly string[] Emails =
    [
        "jane.doe@nhs.net", "j.smith@gstt.nhs.uk", "josé.garcía@hospital.es", "müller@klinik.de", "zoë.obrien@ucl.ac.uk",
        "张伟@医院.中国", "पूजा@उदाहरण.भारत", "иван.петров@больница.рф", "mario.rossi@ospedale.it", "user@münchen.de",
        "ａｎｎｅ@ｅｘａｍｐｌｅ．ｃｏｍ", "jane.doe＠nhs.net", "δοκιμή@παράδειγμα.ελ", "JOHN+fetal@Example.co.uk", "kofi_mensah@hosp.com.gh",
        "سارة@مستشفى.مصر",
    ];

    private static readonly Func<string, string>[] EmailStyles =
    [
        e => e,
        e => e.ToUpperInvariant(),
        e => e.Replace("@", "\u200B@\u200B", StringComparison.Ordinal), // zero-width spaces around the @
        e => e.Replace(".", "\u00AD.", StringComparison.Ordinal), // soft hyphens before the dots
    ];

    private static readonly string[] Postcodes = ["SW1A 1AA", "NW1 2DB", "M1 1AE", "B33 8TH", "EH1 1YZ", "CR2 6XH", "DN55 1PT", "W1A 0AX", "LS1 4AP"];

    /// <summary>Every variant, in a fixed order.</summary>
    public static IReadOnlyList<Variant> All()
    {
        var variants = new List<Variant>();
        var n = 0;
        NhsVariants(variants, ref n);
        DateVariants(variants, ref n);
        HospitalNumberVariants(variants, ref n);
        PhoneVariants(variants, ref n);
        EmailVariants(variants, ref n);
        PostcodeVariants(variants, ref n);
        return variants;
    }

    private static void NhsVariants(List<Variant> variants, ref int n)
    {
        foreach (var grouping in NhsGroupings.Prepend([10]))
        {
            foreach (var separator in grouping.Length == 1 ? Separators[..1] : Separators)
            {
                foreach (var position in Enum.GetValues<Position>())
                {
                    var number = NhsNumbers[n % NhsNumbers.Length];
                    var groups = Split(Styled(number, n), grouping, number.Length);
                    Add(variants, "nhs-number", groups, separator, position, n++);
                }
            }
        }
    }

    private static void DateVariants(List<Variant> variants, ref int n)
    {
        foreach (var form in DateForms)
        {
            foreach (var separator in DateSeparators)
            {
                foreach (var position in Enum.GetValues<Position>())
                {
                    var (day, month, year) = Dates[n % Dates.Length];
                    var written = form
                        .Replace("{dd}", day.ToString("00", CultureInfo.InvariantCulture), StringComparison.Ordinal)
                        .Replace("{d}", day.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                        .Replace("{mm}", month.ToString("00", CultureInfo.InvariantCulture), StringComparison.Ordinal)
                        .Replace("{m}", month.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                        .Replace("{Month}", MonthNames[month - 1], StringComparison.Ordinal)
                        .Replace("{month}", MonthNames[month - 1].ToLowerInvariant(), StringComparison.Ordinal)
                        .Replace("{Mon}", MonthNames[month - 1][..3], StringComparison.Ordinal)
                        .Replace("{yyyy}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                        .Replace("{yy}", (year % 100).ToString("00", CultureInfo.InvariantCulture), StringComparison.Ordinal)
                        .Replace("{ord}", Ordinal(day), StringComparison.Ordinal);
                    // The separator splits the date into its groups, so a split variant can cut it between two of them.
                    // Known miss (docs/privacy.md): a two-digit year after a space-separated day and month, with no
                    // keyword, is not a date ("03 05 50" reads as a list of numbers).
                    if (form == "{dd}{s}{mm}{s}{yy}" && string.IsNullOrWhiteSpace(separator))
                    {
                        continue;
                    }

                    var style = n;
                    var groups = written.Split("{s}").Select(g => StyleDigits(g, style)).ToArray();
                    Add(variants, "date-of-birth", groups, separator, position, n++);
                }
            }
        }
    }

    private static void HospitalNumberVariants(List<Variant> variants, ref int n)
    {
        foreach (var keyword in HospitalKeywords)
        {
            foreach (var number in HospitalNumbers)
            {
                foreach (var position in Enum.GetValues<Position>())
                {
                    var joiner = KeywordJoiners[n % KeywordJoiners.Length];
                    var separator = Separators[n % Separators.Length];
                    var style = n;
                    var identifier = string.Join(separator, number.Select(g => char.IsAsciiDigit(g[0]) ? Styled(g, style) : g));
                    Add(variants, "hospital-number", [keyword + joiner + identifier], string.Empty, position, n++);
                }
            }
        }
    }

    private static void PhoneVariants(List<Variant> variants, ref int n)
    {
        foreach (var (digits, groupings) in NationalPhones)
        {
            foreach (var grouping in groupings)
            {
                foreach (var separator in grouping.Length == 1 ? Separators[..1] : Separators)
                {
                    foreach (var position in Enum.GetValues<Position>())
                    {
                        Add(variants, "phone", Split(Styled(digits, n), grouping, digits.Length), separator, position, n++);
                    }
                }
            }
        }

        foreach (var form in InternationalPhones)
        {
            foreach (var separator in form.Contains("{s}", StringComparison.Ordinal) ? Separators : Separators[..1])
            {
                foreach (var position in Enum.GetValues<Position>())
                {
                    Add(variants, "phone", form.Split("{s}"), separator, position, n++);
                }
            }
        }
    }

    private static void EmailVariants(List<Variant> variants, ref int n)
    {
        foreach (var email in Emails)
        {
            foreach (var style in EmailStyles)
            {
                foreach (var position in Enum.GetValues<Position>())
                {
                    var written = style(email);
                    // An address is split at its @: the local part ends the name, the domain starts the question.
                    var at = written.IndexOfAny(['@', '＠']);
                    Add(variants, "email", [written[..at], written[at..]], string.Empty, position, n++);
                }
            }
        }
    }

    private static void PostcodeVariants(List<Variant> variants, ref int n)
    {
        foreach (var postcode in Postcodes)
        {
            var compact = postcode.Replace(" ", string.Empty, StringComparison.Ordinal);
            var (outward, inward) = (postcode.Split(' ')[0], postcode.Split(' ')[1]);
            string[] written =
            [
                postcode, compact, postcode.ToLowerInvariant(), compact.ToLowerInvariant(), outward + "-" + inward, outward + "." + inward,
                outward + "•" + inward, outward + "_" + inward, outward + "/" + inward, outward + " - " + inward,
                string.Join(' ', compact.ToCharArray()), string.Join('-', compact.ToCharArray()), string.Join('.', compact.ToCharArray()),
                string.Join(' ', compact.ToLowerInvariant().ToCharArray()), string.Join(". ", compact.ToCharArray()),
                FullWidth(postcode), outward + "\u00A0" + inward, outward + "  " + inward,
            ];
            // Known miss (docs/privacy.md): typed in lower case, an inward code that reads as an ordinal ("b33 8th").
            foreach (var form in written.Where(w => w.Any(char.IsUpper) || !inward.ToLowerInvariant().EndsWith("th", StringComparison.Ordinal)))
            {
                foreach (var position in Enum.GetValues<Position>())
                {
                    // Split between the outward and the inward code.
                    var cut = form.Length / 2;
                    Add(variants, "postcode", [form[..cut], form[cut..]], string.Empty, position, n++);
                }
            }
        }
    }

    /// <summary>
    /// Adds a variant at <paramref name="position"/>; <paramref name="groups"/> joined by <paramref name="separator"/>
    /// is the identifier as written. A split variant cuts it between two groups.
    /// </summary>
    private static void Add(List<Variant> variants, string kind, string[] groups, string separator, Position position, int n)
    {
        var written = string.Join(separator, groups);
        var question = "Any advice for this one?";
        switch (position)
        {
            case Position.Text:
                variants.Add(new(kind, written, position, string.Format(CultureInfo.InvariantCulture, TextTemplates[n % TextTemplates.Length], written), null));
                break;
            case Position.Author:
                var author = (n % 2 == 0 ? "Dr " : string.Empty) + written;
                if (author.Length <= 40)
                {
                    variants.Add(new(kind, written, position, question, author));
                }

                break;
            case Position.Split:
                if (groups.Length < 2)
                {
                    return;
                }

                var cut = Math.Max(1, groups.Length / 2);
                var first = string.Join(separator, groups.Take(cut));
                var rest = string.Join(separator, groups.Skip(cut));
                if (first.Length <= 40)
                {
                    variants.Add(new(kind, written, position, rest + " what would you do?", first));
                }

                break;
            default:
                if (written.Length <= 200)
                {
                    variants.Add(new(kind, written, position, written, null));
                }

                break;
        }
    }

    /// <summary>Cuts <paramref name="styled"/> (whose digits may carry marks) into groups of <paramref name="sizes"/> digits.</summary>
    private static string[] Split(string styled, int[] sizes, int digits)
    {
        var elements = Elements(styled);
        if (elements.Count != digits)
        {
            throw new InvalidOperationException($"{styled} has {elements.Count} digits, not {digits}.");
        }

        var groups = new string[sizes.Length];
        var at = 0;
        for (var i = 0; i < sizes.Length; i++)
        {
            groups[i] = string.Concat(elements.Skip(at).Take(sizes[i]));
            at += sizes[i];
        }

        return groups;
    }

    /// <summary>The digits as written, each with its marks: one element per digit.</summary>
    private static List<string> Elements(string styled)
    {
        var elements = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(styled);
        while (enumerator.MoveNext())
        {
            elements.Add((string)enumerator.Current);
        }

        return elements;
    }

    /// <summary>The digits in one of several writing styles, chosen by <paramref name="n"/>.</summary>
    private static string Styled(string digits, int n)
    {
        return (n % 12) switch
        {
            0 or 1 or 2 or 3 => digits,
            4 => Shift(digits, 0xFF10), // full-width
            5 => Shift(digits, 0x0660), // Arabic-Indic
            6 => Shift(digits, 0x0966), // Devanagari
            7 => ShiftWide(digits, 0x1D7CE), // mathematical bold
            8 => Marked(digits, '\u0336'), // combining long stroke overlay
            9 => Marked(digits, '\u0301'), // combining acute
            10 => Marked(digits, '\u20DD'), // combining enclosing circle
            _ => LookAlike(digits, n),
        };
    }

    /// <summary>The ASCII digits inside <paramref name="text"/> in the style <see cref="Styled"/> picks (no look-alike letters).</summary>
    private static string StyleDigits(string text, int n)
    {
        var builder = new StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiDigit(c) && n % 12 != 11 ? Styled(c.ToString(), n) : c.ToString());
        }

        return builder.ToString();
    }

    private static string Shift(string digits, int zero) => new([.. digits.Select(d => (char)(zero + d - '0'))]);

    private static string ShiftWide(string digits, int zero) => string.Concat(digits.Select(d => char.ConvertFromUtf32(zero + d - '0')));

    private static string Marked(string digits, char mark) => string.Concat(digits.Select(d => $"{d}{mark}"));

    /// <summary>One 0 typed as a letter O or o, or one 1 as l or I, as in "943 476 591O".</summary>
    private static string LookAlike(string digits, int n)
    {
        var chars = digits.ToCharArray();
        var zero = Array.LastIndexOf(chars, '0');
        var one = Array.LastIndexOf(chars, '1');
        if (zero >= 0 && (one < 0 || n % 2 == 0))
        {
            chars[zero] = n % 4 < 2 ? 'O' : 'o';
        }
        else if (one >= 0)
        {
            chars[one] = n % 4 < 2 ? 'l' : 'I';
        }

        return new string(chars);
    }

    private static string FullWidth(string text) =>
        new([.. text.Select(c => c == ' ' ? '\u3000' : (char)(c + 0xFEE0))]);

    private static string Ordinal(int day) => (day % 10, day % 100) switch
    {
        (_, 11 or 12 or 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
}
