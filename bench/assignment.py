"""Maximum-weight one-to-one pairing (the Hungarian algorithm), for the scorer's small matrices.

scipy's `linear_sum_assignment` would do, but the scorer needs nothing else from scipy; an
article has a few dozen events at most, so this plain O(n³) version is quick enough.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

_Cost = Callable[[int, int], int]  # (row, column) -> cost, both counted from 0


def max_weight_pairs(weights: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """The (row, column) pairs of a one-to-one pairing with the largest total weight.

    `weights[row][column]` must be >= 0; pairs of weight 0 mean "may not be paired" and
    are left out of the answer. Rows and columns may differ in number.
    """
    rows = len(weights)
    columns = len(weights[0]) if rows else 0
    size = max(rows, columns)
    if not size:
        return []
    top = max(max(row, default=0) for row in weights)

    def cost(row: int, column: int) -> int:
        inside = row < rows and column < columns
        return top - (weights[row][column] if inside else 0)

    assigned = _min_cost_assignment(cost, size)
    return [
        (row, column)
        for column, row in enumerate(assigned)
        if row < rows and column < columns and weights[row][column] > 0
    ]


def _min_cost_assignment(cost: _Cost, size: int) -> list[int]:
    """For a square cost matrix, the row assigned to each column in a minimum-cost assignment.

    Shortest augmenting paths with row and column potentials (Kuhn-Munkres); index 0 of
    the internal arrays is a sentinel column, so rows and columns count from 1 inside.
    """
    infinity = float("inf")
    row_potential = [0.0] * (size + 1)
    column_potential = [0.0] * (size + 1)
    row_of_column = [0] * (size + 1)
    previous_column = [0] * (size + 1)
    for row in range(1, size + 1):
        row_of_column[0] = row
        column = 0
        slack = [infinity] * (size + 1)
        visited = [False] * (size + 1)
        while row_of_column[column] != 0:
            visited[column] = True
            current_row = row_of_column[column]
            delta, next_column = infinity, 0
            for candidate in range(1, size + 1):
                if visited[candidate]:
                    continue
                reduced = (
                    cost(current_row - 1, candidate - 1)
                    - row_potential[current_row]
                    - column_potential[candidate]
                )
                if reduced < slack[candidate]:
                    slack[candidate], previous_column[candidate] = reduced, column
                if slack[candidate] < delta:
                    delta, next_column = slack[candidate], candidate
            for candidate in range(size + 1):
                if visited[candidate]:
                    row_potential[row_of_column[candidate]] += delta
                    column_potential[candidate] -= delta
                else:
                    slack[candidate] -= delta
            column = next_column
        while column:
            back = previous_column[column]
            row_of_column[column] = row_of_column[back]
            column = back
    return [row_of_column[column] - 1 for column in range(1, size + 1)]
