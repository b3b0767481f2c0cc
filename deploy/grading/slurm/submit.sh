#!/bin/bash
# Submit the grading array and its merge: `bash deploy/grading/slurm/submit.sh` from the repository.
set -euo pipefail
here=$(dirname "$0")
mkdir -p graded/logs
jobid=$(sbatch --parsable "$here/grade.sbatch")
jobid=${jobid%%;*} # --parsable prints "id" or "id;cluster"
sbatch --dependency="afterok:$jobid" "$here/merge.sbatch"
