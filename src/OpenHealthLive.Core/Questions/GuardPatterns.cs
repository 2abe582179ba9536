using System.Text.RegularExpressions;

namespace OpenHealthLive.Core.Questions;

/// <summary>
/// The regular expressions behind <see cref="PatientDataGuard"/>. All run on the non-backtracking engine, so
/// their cost grows linearly with the input whatever it holds; what the engine cannot express (look-arounds,
/// back-references) is checked in code around each match. The timeout is a second line of defence.
/// </summary>
internal static partial class GuardPatterns
{
    public const int TimeoutMilliseconds = 2000;

    private const RegexOptions Linear = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;
    private const RegexOptions LinearIgnoreCase = Linear | RegexOptions.IgnoreCase;

    private const string Month =
        "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

    private const string Ordinal = "(?:st|nd|rd|th)?";

    /// <summary>03/04/1961, 3/4/61, 03-04-1961, 03.04.1961 (separators compared in code).</summary>
    [GeneratedRegex(@"\b([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{4}|[0-9]{2})\b", Linear, TimeoutMilliseconds)]
    public static partial Regex NumericDate();

    /// <summary>1961-04-03, 1961/04/03, 1961.04.03.</summary>
    [GeneratedRegex(@"\b((?:19|20)[0-9]{2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,2})\b", Linear, TimeoutMilliseconds)]
    public static partial Regex IsoDate();

    /// <summary>3 April 1961, 3rd of April, 1961, 03-Apr-61, 3 Apr '61.</summary>
    [GeneratedRegex(@"\b([0-9]{1,2})" + Ordinal + "(?: of)?[ /-](?:the )?(" + Month + @")\.?,?[ /-]('?[0-9]{2}|[0-9]{4})\b", LinearIgnoreCase, TimeoutMilliseconds)]
    public static partial Regex DayMonthYear();

    /// <summary>April 3, 1961; Apr 3rd 1961; April 3 '61 (a two-digit year needs its apostrophe: "May 12, 24 patients").</summary>
    [GeneratedRegex(@"\b(" + Month + @")\.?[ -]([0-9]{1,2})" + Ordinal + @",? ('[0-9]{2}|[0-9]{4})\b", LinearIgnoreCase, TimeoutMilliseconds)]
    public static partial Regex MonthDayYear();

    /// <summary>DOB 1961, d.o.b. 3/61, born in 1961, born 3rd April, date of birth: April 1961, born '61.</summary>
    [GeneratedRegex(
        @"\b(d\.?o\.?b|date of birth|birth ?date|year of birth|yob|born)\b\.?(?: on| in)?(?: the)?[ :,-]*("
        + @"[0-9]{1,2}[/.-][0-9]{1,2}[/.-](?:[0-9]{4}|[0-9]{2})"
        + @"|[0-9]{1,2}[/.-](?:[0-9]{4}|[0-9]{2})"
        + @"|[0-9]{1,2}" + Ordinal + "(?: of)? (?:the )?(?:" + Month + @")(?:\.?,? (?:[0-9]{4}|'?[0-9]{2}))?"
        + "|(?:" + Month + @")\.?,? (?:[0-9]{4}|'[0-9]{2}|[0-9]{1,2}" + Ordinal + @"(?:,? (?:[0-9]{4}|'[0-9]{2}))?)"
        + "|(?:19|20)[0-9]{2}"
        + "|'[0-9]{2}"
        + @")\b",
        LinearIgnoreCase,
        TimeoutMilliseconds)]
    public static partial Regex DateOfBirthKeyword();

    /// <summary>MRN 00912345, hospital no: K123456, patient ID AB-1234, case #4521 (the digit count is checked in code).</summary>
    [GeneratedRegex(
        @"\b(mrn|m\.r\.n|medical record (?:number|no|#)|hospital (?:number|no|num|id|#)|hosp\.? ?(?:number|no|num|#)"
        + @"|(?:patient|pt\.?) ?(?:number|no|num|id|#)|case ?(?:number|no|num|id|#)|unit (?:number|no)|record (?:number|no)|chi (?:number|no))"
        + @"\.? ?(?:[:#=-]|is|was)? ?([a-z0-9][a-z0-9/-]*)",
        LinearIgnoreCase,
        TimeoutMilliseconds)]
    public static partial Regex HospitalNumberKeyword();

    /// <summary>An NHS trust code in front of a number: RXH1234567, RJ1-123456 (upper case only: "ran 50000 epochs").</summary>
    [GeneratedRegex(@"\bR[A-Z][A-Z0-9][ -]?[0-9]{5,}", Linear, TimeoutMilliseconds)]
    public static partial Regex TrustPrefixedNumber();

    [GeneratedRegex(@"[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.([a-z]{2,24})\b", LinearIgnoreCase, TimeoutMilliseconds)]
    public static partial Regex Email();

    /// <summary>07700 900123, 020 7946 0958, 01632 960001 (lengths and separators checked in code).</summary>
    [GeneratedRegex(@"0[1-9](?:[ -]?[0-9]){8,9}", Linear, TimeoutMilliseconds)]
    public static partial Regex UkNationalPhone();

    /// <summary>+44 7700 900123, 0044 20 7946 0958 (a "(0)" is removed before matching).</summary>
    [GeneratedRegex(@"(?:\+|00)44[ -]?[1-9](?:[ -]?[0-9]){8,9}", Linear, TimeoutMilliseconds)]
    public static partial Regex UkInternationalPhone();

    /// <summary>A + followed by 8 to 15 digits.</summary>
    [GeneratedRegex(@"\+[1-9](?:[ -]?[0-9]){7,14}", Linear, TimeoutMilliseconds)]
    public static partial Regex InternationalPhone();

    /// <summary>
    /// A full UK postcode: a real postcode area, the rest of the outward code, an optional space and the inward
    /// code (a digit and two letters other than C, I, K, M, O and V).
    /// </summary>
    [GeneratedRegex(
        @"\b(AB|AL|B|BA|BB|BD|BF|BH|BL|BN|BR|BS|BT|BX|CA|CB|CF|CH|CM|CO|CR|CT|CV|CW|DA|DD|DE|DG|DH|DL|DN|DT|DY|E|EC|EH|EN|EX"
        + "|FK|FY|G|GL|GU|GY|HA|HD|HG|HP|HR|HS|HU|HX|IG|IM|IP|IV|JE|KA|KT|KW|KY|L|LA|LD|LE|LL|LN|LS|LU|M|ME|MK|ML|N|NE|NG|NN|NP|NR|NW"
        + "|OL|OX|PA|PE|PH|PL|PO|PR|RG|RH|RM|S|SA|SE|SG|SK|SL|SM|SN|SO|SP|SR|SS|ST|SW|SY|TA|TD|TF|TN|TQ|TR|TS|TW|UB|W|WA|WC|WD|WF|WN"
        + @"|WR|WS|WV|YO|ZE)([0-9][A-Z0-9]?) ?([0-9][ABD-HJLNP-UW-Z]{2})\b",
        LinearIgnoreCase,
        TimeoutMilliseconds)]
    public static partial Regex Postcode();
}
