namespace FuncLabel.Domain.Access;

/// <summary>
/// A member's role in one project, ordered by what it allows: an owner can do what a reviewer can,
/// a reviewer what an annotator can. The platform admin is not a project role (it comes from the token).
/// </summary>
public enum ProjectRole
{
    /// <summary>Claims and submits draw tasks; takes practice templates and exams.</summary>
    Annotator = 1,

    /// <summary>Also claims review tasks (never of their own work).</summary>
    Reviewer = 2,

    /// <summary>Manages the project: ontology, jobs, imports, templates, exams, members, reports; reads gold.</summary>
    Owner = 3,
}
