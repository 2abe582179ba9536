using System.Text.RegularExpressions;

namespace OpenHealthLive.Core.Questions;

/// <summary>
/// The regular expressions behind <see cref="PatientDataGuard"/>. All run on the non-backtracking engine, so
/// their cost grows linearly with the input whatever it holds; what the engine cannot express (look-arounds,
/// back-references) is checked in code around each match. The timeout is a second line of defence.
/// </summary>
/// <remarks>
/// They match the guard's normal form (<see cref="GuardText.Normalize"/>), in which every digit is ASCII and
/// whitespace is single spaces. Between the parts of a date, any one to three characters that are neither
/// letters nor digits count as a separator: <c>3•May•1950</c>, <c>03|05|50</c>, <c>May · 3 · 1950</c>.
/// </remarks>
internal static partial class GuardPatterns
{
    public const int TimeoutMilliseconds = 2000;

    private const RegexOptions Linear = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;
    private const RegexOptions LinearIgnoreCase = Linear | RegexOptions.IgnoreCase;

    /// <summary>One to three characters that are neither letters nor digits.</summary>
    private const string Sep = @"[^\p{L}\p{N}]{1,3}";

    private const string Month =
        "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

    private const string Ordinal = "(?:st|nd|rd|th)?";

    /// <summary>3 April 1961, 3rd of April, 1961, 03-Apr-61, 3•May•1950, 3 Apr '61.</summary>
    [GeneratedRegex(@"\b([0-9]{1,2})" + Ordinal + "(?:" + Sep + "(?:of|the))*" + Sep + "(" + Month + ")" + Sep + @"('?[0-9]{2}|[0-9]{4})\b", LinearIgnoreCase, TimeoutMilliseconds)]
    public static partial Regex DayMonthYear();

    /// <summary>April 3, 1961; Apr 3rd 1961; May·3·1950; April 3 '61 (a two-digit year needs its apostrophe: "May 12, 24 patients").</summary>
    [GeneratedRegex(@"\b(" + Month + ")" + Sep + "([0-9]{1,2})" + Ordinal + Sep + @"('[0-9]{2}|[0-9]{4})\b", LinearIgnoreCase, TimeoutMilliseconds)]
    public static partial Regex MonthDayYear();

    /// <summary>
    /// A date-of-birth keyword ("DOB", "d.o.b.", "D O B", "date of birth", "birth date", "birthday", "year of
    /// birth", "YOB", "born", "b.") and the year or partial date after it: DOB 1961, d.o.b. 3/61, born 3 5 1950,
    /// born in 1961, born 3rd April, date of birth: April 1961, born '61, b. 03/05/50.
    /// </summary>
    [GeneratedRegex(
        @"(\b(?:d[^\p{L}\p{N}]{0,2}o[^\p{L}\p{N}]{0,2}b|date" + Sep + "of" + Sep + "birth|birth[^\\p{L}\\p{N}]{0,3}date|birthday|b'?day|year" + Sep + "of" + Sep + @"birth|yob|born)|\bb\.)"
        + "(?:" + Sep + "(?:on|in|the|of|is|was))*"
        + @"[^\p{L}\p{N}]{0,3}("
        + "[0-9]{1,2}" + Sep + "[0-9]{1,2}(?:" + Sep + "(?:[0-9]{4}|[0-9]{2}))?"
        + "|[0-9]{1,2}" + Sep + "[0-9]{4}"
        + "|[0-9]{1,2}" + Ordinal + "(?:" + Sep + "(?:of|the))*" + Sep + "(?:" + Month + ")(?:" + Sep + "[0-9]{4}|" + Sep + "[0-9]{2})?"
        + "|(?:" + Month + ")" + Sep + "(?:[0-9]{4}|[0-9]{2}|[0-9]{1,2}" + Ordinal + "(?:" + Sep + "[0-9]{4}|" + Sep + "[0-9]{2})?)"
        + "|(?:19|20)[0-9]{2}"
        + "|'[0-9]{2}"
        + @")\b",
        LinearIgnoreCase,
        TimeoutMilliseconds)]
    public static partial Regex DateOfBirthKeyword();

    /// <summary>
    /// A hospital-number keyword: MRN, hospital number/no/nbr, hosp no, patient ID, pt no, case #, unit number,
    /// medical record number, CHI number. The identifier after it is read in code.
    /// </summary>
    [GeneratedRegex(
        @"\b(mrn|m\.r\.n\.?|medical record (?:number|no|nbr|num|#)|hospital[^\p{L}\p{N}]{0,2}(?:number|no|nbr|num|id|#)|hosp\.? ?(?:number|no|nbr|num|#)"
        + @"|(?:patient|pt\.?) ?(?:number|no|nbr|num|id|#)|case ?(?:number|no|nbr|num|id|#)|unit (?:number|no|nbr)|record (?:number|no|nbr)|chi (?:number|no|nbr))",
        LinearIgnoreCase,
        TimeoutMilliseconds)]
    public static partial Regex HospitalNumberKeyword();

    /// <summary>An NHS trust code in front of a number: RXH1234567, RJ1-123456 (upper case only: "ran 50000 epochs").</summary>
    [GeneratedRegex(@"\bR[A-Z][A-Z0-9][ -]?[0-9]{5,}", Linear, TimeoutMilliseconds)]
    public static partial Regex TrustPrefixedNumber();

    /// <summary>
    /// An e-mail address, with letters of any script in the local part and the domain (josé@hospital.es,
    /// 张伟@医院.中国), and the written-out <c>[at]</c>, <c>(at)</c>, <c>[dot]</c> forms.
    /// </summary>
    [GeneratedRegex(
        @"[\p{L}\p{N}._%+\-]+(?:@| @ | ?[\[(]at[\])] ?)"
        + @"(?<domain>(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?(?:\.| ?[\[(]dot[\])] ?))+(?<tld>\p{L}{2,24}))\b",
        LinearIgnoreCase,
        TimeoutMilliseconds)]
    public static partial Regex Email();

    /// <summary>
    /// A full UK postcode, written without separators: a real postcode area, the rest of the outward code and
    /// the inward code (a digit and two letters other than C, I, K, M, O and V). Matched against the pieces of
    /// the text joined up, so that any separators between its characters do not matter.
    /// </summary>
    [GeneratedRegex(
        @"^(AB|AL|B|BA|BB|BD|BF|BH|BL|BN|BR|BS|BT|BX|CA|CB|CF|CH|CM|CO|CR|CT|CV|CW|DA|DD|DE|DG|DH|DL|DN|DT|DY|E|EC|EH|EN|EX"
        + "|FK|FY|G|GL|GU|GY|HA|HD|HG|HP|HR|HS|HU|HX|IG|IM|IP|IV|JE|KA|KT|KW|KY|L|LA|LD|LE|LL|LN|LS|LU|M|ME|MK|ML|N|NE|NG|NN|NP|NR|NW"
        + "|OL|OX|PA|PE|PH|PL|PO|PR|RG|RH|RM|S|SA|SE|SG|SK|SL|SM|SN|SO|SP|SR|SS|ST|SW|SY|TA|TD|TF|TN|TQ|TR|TS|TW|UB|W|WA|WC|WD|WF|WN"
        + @"|WR|WS|WV|YO|ZE)([0-9][A-Z0-9]?)([0-9][ABD-HJLNP-UW-Z]{2})$",
        Linear,
        TimeoutMilliseconds)]
    public static partial Regex CompactPostcode();

    /// <summary>A mask the guard itself wrote ("[NHS number ending …919]"): never an identifier when checked again.</summary>
    [GeneratedRegex(
        @"\[(?:NHS number ending …[0-9]{3}|hospital number ending …[\p{L}\p{N}]{1,3}|phone number ending …[0-9]{3}|date of birth(?: …[0-9]{2,4})?|date …[0-9]{2,4}"
        + @"|e-mail at …[\p{L}\p{N}.\-]{1,30}|postcode [A-Z]{1,2}[0-9][A-Z0-9]? …|held word|text not checked)\]",
        Linear,
        TimeoutMilliseconds)]
    public static partial Regex MaskToken();
}
