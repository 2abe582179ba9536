using OpenHealthLive.Core.Questions;

namespace OpenHealthLive.Core.Tests.Questions;

public sealed class HospitalNumberRuleTests
{
    [Theory]
    [InlineData("MRN 00912345 had the same anomaly, what would you do?")]
    [InlineData("Patient 1234567 had a similar scan last week")]
    [InlineData("Our case RXH1234567 looked like slide 12")]
    [InlineData("Hosp no: K123456, is this a cleft?")]
    [InlineData("hospital number A4458 was the one I meant")]
    [InlineData("Patient ID: AB-1234 had polyhydramnios")]
    [InlineData("case number 4521/22 from our audit")]
    [InlineData("MRN#884213 showed the same artefact")]
    [InlineData("RJ1 123456 is the trust reference")]
    [InlineData("Our case RXH-12345 was missed")]
    [InlineData("unit number 0012345")]
    [InlineData("hospital no. 123-4567 please")]
    [InlineData("medical record number 5512 2345")]
    [InlineData("pt ID 4477, what about her?")]
    [InlineData("The mrn is 99812 for that one")]
    [InlineData("Her number is 9434765918 (a typo?)")]
    [InlineData("Reference 943 476 5918 on the form")]
    [InlineData("Lab number 20240115 on the report")]
    [InlineData("CHI number 1503821234")]
    [InlineData("Her MRN: A123456")]
    [InlineData("case #4521 in the audit")]
    [InlineData("pt no 4477")]
    [InlineData("Trial ISRCTN is fine but her number is 5512345")]
    public void An_identifier_like_number_or_an_identifier_after_a_keyword_is_caught(string question)
    {
        Assert.Contains(GuardRules.HospitalNumber, Guard.Rules(question));
    }

    [Theory]
    [InlineData("How long did it take to annotate 12,400 images?")]
    [InlineData("We scanned 1,234,567 frames in total")]
    [InlineData("Is the estimate 3.1415926 or less?")]
    [InlineData("Is v0.5.0 compatible with v1.2.3?")]
    [InlineData("Is the pipeline certified under ISO 13485?")]
    [InlineData("How do you meet IEC 62304 for the model?")]
    [InlineData("Is the trial registered as NCT04368728?")]
    [InlineData("See PMID 38123456 for the validation")]
    [InlineData("Your preprint arXiv:2401.12345 is great")]
    [InlineData("Trained on 1000000 images or more?")]
    [InlineData("In case number 4 of your series, was it a cleft?")]
    [InlineData("Was the patient ID removed before export?")]
    [InlineData("Did you use an RTX 4090 or an A100?")]
    [InlineData("Which field holds the MRN in DICOM?")]
    [InlineData("The set had 123456 patients")]
    [InlineData("ISBN 978-0-12-345678-9 is the textbook")]
    [InlineData("Data from 2019-2024")]
    [InlineData("Hospital numbers are never exported, right?")]
    [InlineData("The DOI is 10.1038/s41591-023-02504-3")]
    [InlineData("At 1.5T the SNR was 12345.678")]
    [InlineData("The RSNA 2024 talk showed this")]
    [InlineData("Registered as ISRCTN12345678")]
    [InlineData("Case numbers are pseudonymised, right?")]
    public void Counts_decimals_versions_standards_and_public_identifiers_are_not_hospital_numbers(string question)
    {
        Assert.DoesNotContain(GuardRules.HospitalNumber, Guard.Rules(question));
    }

    [Fact]
    public void A_phone_number_is_not_also_a_hospital_number()
    {
        Assert.Equal([GuardRules.Phone], Guard.Rules("Call me on 07700900123"));
    }

    [Fact]
    public void A_valid_nhs_number_is_not_also_a_hospital_number()
    {
        Assert.Equal([GuardRules.NhsNumber], Guard.Rules("Number 9434765919"));
    }

    [Fact]
    public void A_number_seen_by_two_patterns_is_one_number()
    {
        var finding = Guard.Finding(Guard.Default, "Our case RXH1234567 again", GuardRules.HospitalNumber);

        Assert.Equal("a hospital number after a trust code (ending …567)", finding.Reason);
    }

    [Fact]
    public void The_reason_names_the_keyword_and_only_the_last_digits()
    {
        var finding = Guard.Finding(Guard.Default, "MRN: 00912345", GuardRules.HospitalNumber);

        Assert.Equal("a hospital number after “MRN” (ending …345)", finding.Reason);
    }

    [Theory]
    [InlineData(",")]
    [InlineData(";")]
    [InlineData(".")]
    [InlineData("!")]
    [InlineData("?")]
    [InlineData(":")]
    public void The_identifier_after_a_keyword_ends_where_a_sentence_or_list_goes_on(string mark)
    {
        var guarded = Guard.Default.Mask($"MRN 00912345{mark} 12 of them were like this");

        Assert.Equal($"MRN [hospital number ending …345]{mark} 12 of them were like this", guarded.Text);
    }

    [Theory]
    [InlineData("MRN 0091,2345 please")]
    [InlineData("MRN 0091,-2345 please")]
    [InlineData("MRN 0091 - 2345 please")]
    public void Separators_that_do_not_end_a_sentence_join_the_identifier(string question)
    {
        var guarded = Guard.Default.Mask(question);

        Assert.Equal("MRN [hospital number ending …345] please", guarded.Text);
    }

    [Theory]
    [InlineData("Is 1234567.89 the total?")]
    [InlineData("Is 1234567,5 the total?")]
    [InlineData("Is it 0,1234567 or more?")]
    [InlineData("Is it 0.1234567 or more?")]
    [InlineData("Is the AUC 0.943476593 on the test set?")]
    [InlineData("Is the AUC 0,943476593 on the test set?")]
    public void Either_part_of_a_decimal_is_not_an_identifier(string question)
    {
        Assert.Empty(Guard.Default.Check(question));
    }

    [Theory]
    [InlineData("Patient 12 1234567 had a scan", "Patient 12 [hospital number ending …567] had a scan")]
    [InlineData("Patient 1234567 12 had a scan", "Patient [hospital number ending …567] 12 had a scan")]
    public void A_lone_identifier_like_number_beside_another_number_is_still_caught(string question, string masked)
    {
        Assert.Equal(masked, Guard.Default.Mask(question).Text);
    }
}
