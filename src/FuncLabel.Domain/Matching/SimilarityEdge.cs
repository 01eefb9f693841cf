namespace FuncLabel.Domain.Matching;

/// <summary>An admissible pair of the sparse candidate graph: left item, right item and their similarity in [0, 1].</summary>
internal readonly record struct SimilarityEdge(int Left, int Right, double Similarity);
