import MountAudit
