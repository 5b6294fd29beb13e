"""Real-IAM propagation that moto does not show, for the permissions a function's settings need.

- For `vpc_permission_seconds` after IAM AttachRolePolicy of `AWSLambdaVPCAccessExecutionRole`
  to a role, CreateFunction / UpdateFunctionConfiguration of a function in a VPC (subnets in
  the request, or already stored) with that role gets 400 InvalidParameterValueException
  "The provided execution role does not have permissions to call CreateNetworkInterface on EC2",
  as AWS answers until the new permission has propagated.

All methods are called with the proxy's state lock held.
"""

VPC_POLICY_NAME = "AWSLambdaVPCAccessExecutionRole"
VPC_REFUSAL = (400, "InvalidParameterValueException",
               "The provided execution role does not have permissions to call CreateNetworkInterface on EC2")


class RolePermissionEmulation:
    """When each role got the VPC access policy."""

    def __init__(self):
        self.vpc_attached = {}

    def reset(self):
        self.vpc_attached.clear()

    def attached(self, role, policy_arn, now):
        """Records an AttachRolePolicy that moto accepted."""
        if (policy_arn or "").rsplit("/", 1)[-1] == VPC_POLICY_NAME:
            self.vpc_attached[role] = now

    def detached(self, role, policy_arn):
        """Records a DetachRolePolicy that moto accepted."""
        if (policy_arn or "").rsplit("/", 1)[-1] == VPC_POLICY_NAME:
            self.vpc_attached.pop(role, None)

    def refusal(self, role, in_vpc, faults, now):
        """The answer real Lambda gives a VPC function whose role's VPC permission is too new."""
        window = float(faults.get("vpc_permission_seconds") or 0)
        since = self.vpc_attached.get(role)
        if window > 0 and in_vpc and since is not None and now < since + window:
            return VPC_REFUSAL
        return None
