# Sourced by the scripts that run the Python yardstick (reference-parity.sh, speed-vs-reference.sh):
# sets ref (REF, default ../shared/reference/dcss_ref.py next to the repository) and py (Debian's
# python3), stops with exit code 2 when dcss_ref.py is missing, and installs Debian's python3-torch,
# -sklearn, -scipy and dataset-fashion-mnist when they are (root or sudo). $here is the repository,
# $who the calling script's name for its messages.
ref="${REF:-$here/../shared/reference/dcss_ref.py}"
py=/usr/bin/python3
if [ ! -f "$ref" ]; then
  echo "$who: $ref not found; set REF to the path of dcss_ref.py" >&2; exit 2
fi
if ! "$py" -c 'import torch, sklearn, scipy' 2>/dev/null || [ ! -d /usr/share/datasets/fashion-mnist ]; then
  echo "$who: installing python3-torch python3-sklearn python3-scipy dataset-fashion-mnist" >&2
  sudo_=""; [ "$(id -u)" -ne 0 ] && sudo_="sudo"
  $sudo_ apt-get install -y python3-torch python3-sklearn python3-scipy dataset-fashion-mnist >&2
fi
