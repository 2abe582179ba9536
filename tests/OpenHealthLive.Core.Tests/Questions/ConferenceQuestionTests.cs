using OpenHealthLive.Core.Questions;

namespace OpenHealthLive.Core.Tests.Questions;

/// <summary>Questions as they come in at a talk on fetal imaging: none of them may be held.</summary>
public sealed class ConferenceQuestionTests
{
    private static readonly PatientDataGuard GuardWithWards = Guard.WithWords("ward", "bed 4");

    [Theory]
    [InlineData("You reported FID 7.04 on the held-out set; how does that compare with the 2023 baseline?")]
    [InlineData("Were the images resized to 256×256 before training, or did you keep 512x512?")]
    [InlineData("Is v0.5.0 of the toolkit already on GitHub, and is 1.0 planned for Q3 2025?")]
    [InlineData("How long did it take two sonographers to annotate 12,400 images?")]
    [InlineData("The cohort had 1,792 patients: how many were twin pregnancies?")]
    [InlineData("Is 82 ms per frame fast enough for real-time guidance on the scanner?")]
    [InlineData("Will the 2024 dataset be released under an open licence?")]
    [InlineData("How do you handle IEC 62304 software life-cycle requirements for an open-source model?")]
    [InlineData("Is the pipeline developed under ISO 13485, or only the clinical deployment?")]
    [InlineData("Does ISO 42001 apply to research code like yours?")]
    [InlineData("Which GPU did you train on, an RTX 4090 or an A100 with 80 GB?")]
    [InlineData("How did you choose the 18+0 to 20+6 week window for the anomaly scan?")]
    [InlineData("Did you compare against nnU-Net v2 and MONAI 1.3.2?")]
    [InlineData("Do you need Python 3.10.12 or does 3.12 work too?")]
    [InlineData("What was the Dice score, 0.87 ± 0.04, on the external set?")]
    [InlineData("How did you split the data for 5-fold cross-validation, 80/20 by site?")]
    [InlineData("Is the trial registered as NCT04368728 or on ISRCTN?")]
    [InlineData("Where can we read it, is the DOI 10.1038/s41591-023-02504-3?")]
    [InlineData("Could you share the arXiv link (arXiv:2401.12345)?")]
    [InlineData("How do you deal with images from 1.5T and 3T MRI in the same model?")]
    [InlineData("Is the model CE marked under the MDR (EU) 2017/745?")]
    [InlineData("What about the EU AI Act, Regulation 2024/1689?")]
    [InlineData("Was the learning rate 1e-4 with a batch size of 32 for 300 epochs?")]
    [InlineData("How does a 1.5 mm slice thickness affect head circumference biometry?")]
    [InlineData("Is the code under Apache-2.0, and can NHS trusts deploy it on premises?")]
    [InlineData("Could it run on a Raspberry Pi 5 with 8 GB next to the ultrasound machine?")]
    [InlineData("How do you handle the 10-15% of scans with motion artefacts?")]
    [InlineData("Were the 60/40 splits stratified by gestational age?")]
    [InlineData("Would 7T MRI ever be relevant for fetal imaging?")]
    [InlineData("Which NICE guideline, NG201 or NG133, does this support?")]
    [InlineData("Is ISO/IEC 27001:2022 certification needed for hosting?")]
    [InlineData("Does IEC 60601-1-2 matter for a software-only device?")]
    [InlineData("Will you be at the RSNA 2024 meeting on 1 December?")]
    [InlineData("The idea was born out of a hackathon, right? How do we contribute?")]
    [InlineData("Were 3,000 of the 12,400 images from the Leeds site?")]
    [InlineData("Could you go back to slide 12? The graph at 2:15 was cut off.")]
    [InlineData("How does this compare with the 20-week scan standards in the FASP handbook?")]
    [InlineData("Is there a DICOM export, and which SOP class, 1.2.840.10008.5.1.4.1.1.6.1?")]
    [InlineData("Do you support 4096 x 4096 tiles on a 24 GB card?")]
    [InlineData("Who reviews flagged scans at 3 a.m. when the radiologist is off site?")]
    [InlineData("Are the 95% confidence intervals 0.81-0.92 bootstrapped with 1000 resamples?")]
    [InlineData("Will the slides from the 3rd session be on the website?")]
    [InlineData("I work in a busy London unit: how would this change our workflow towards the 20-week scan?")]
    [InlineData("Midwives were awarded funding in 2022; was that used for training?")]
    public void A_real_question_from_the_room_passes_clean(string question)
    {
        var findings = GuardWithWards.Check(question);

        Assert.True(findings.Count == 0, $"Held: {string.Join("; ", findings.Select(f => $"{f.Rule}: {f.Reason}"))}");
    }
}
