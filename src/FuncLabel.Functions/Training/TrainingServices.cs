using FuncLabel.Data.Credentials;
using FuncLabel.Data.Ontologies;
using FuncLabel.Data.Training;
using Microsoft.AspNetCore.Mvc;

namespace FuncLabel.Functions.Training;

/// <summary>The services of the training handlers (templates, practice, exams, attempts).</summary>
internal sealed class TrainingServices([FromServices] TrainingStore training, [FromServices] TraineeStore trainees, [FromServices] CredentialStore credentials, [FromServices] OntologyStore ontologies, [FromServices] TimeProvider time)
{
    public TrainingStore Training { get; } = training;

    public TraineeStore Trainees { get; } = trainees;

    public CredentialStore Credentials { get; } = credentials;

    public OntologyStore Ontologies { get; } = ontologies;

    public TimeProvider Time { get; } = time;
}
