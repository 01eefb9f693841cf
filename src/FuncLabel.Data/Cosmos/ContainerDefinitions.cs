namespace FuncLabel.Data.Cosmos;

/// <summary>A Cosmos DB container: its name and partition-key path.</summary>
internal sealed record ContainerDefinition(string Name, string PartitionKeyPath);

/// <summary>
/// The one definition of FuncLabel's Cosmos DB database and containers (docs/architecture.md, Data model).
/// Start-up creation, Bicep's name-consistency test and every store read these names from here.
/// Every container is partitioned on <c>/pk</c>; what the pk value means differs per container.
/// </summary>
internal static class ContainerDefinitions
{
    public const string DatabaseName = "funclabel";
    public const string PartitionKeyPath = "/pk";

    /// <summary>pk: <c>projects</c>, <c>credential-types</c>, <c>holders:{typeId}</c>.</summary>
    public static readonly ContainerDefinition Catalog = new("catalog", PartitionKeyPath);

    /// <summary>pk: <c>{projectId}</c>; project, ontology versions, members, jobs, imports, templates, exams.</summary>
    public static readonly ContainerDefinition Projects = new("projects", PartitionKeyPath);

    /// <summary>pk: <c>{userId}</c>; memberships, credentials, attempts.</summary>
    public static readonly ContainerDefinition Users = new("users", PartitionKeyPath);

    /// <summary>pk: <c>{projectId}</c>; one document per asset path with its versions.</summary>
    public static readonly ContainerDefinition Assets = new("assets", PartitionKeyPath);

    /// <summary>pk: <c>{assetId}</c>; every label of one asset.</summary>
    public static readonly ContainerDefinition Labels = new("labels", PartitionKeyPath);

    /// <summary>pk: <c>{projectId}:{hash(globalKey)}</c>; pre-label lines waiting for their asset.</summary>
    public static readonly ContainerDefinition Pending = new("pending", PartitionKeyPath);

    /// <summary>pk: <c>{jobId}</c>; one work item per (job, asset) and the job counter.</summary>
    public static readonly ContainerDefinition Work = new("work", PartitionKeyPath);

    /// <summary>pk: <c>{projectId or org}:{yyyy-MM-dd}</c>; immutable events.</summary>
    public static readonly ContainerDefinition Ledger = new("ledger", PartitionKeyPath);

    public static IReadOnlyList<ContainerDefinition> All { get; } =
        [Catalog, Projects, Users, Assets, Labels, Pending, Work, Ledger];
}
