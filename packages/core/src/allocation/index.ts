export {
  ALLOCATION_METHODS,
  type AllocationMethod,
  type DiscreteAllocation,
  type DiscreteAllocationInput,
  discreteAllocation,
} from "./discrete-allocation.js";
