// curvature.cpp: the Hessian of a linear neuron's squared error and its largest eigenvalue.
#include "curvature.h"

#include <cmath>

namespace neuron {

double largest_curvature(const Dataset& data) {
  const Eigen::MatrixXd x = data.inputs();  // 2 x N
  const Eigen::Index n = x.cols();
  if (n == 0) return 0.0;
  Eigen::MatrixXd augmented(x.rows() + 1, n);
  augmented << x, Eigen::RowVectorXd::Ones(n);
  const Eigen::MatrixXd hessian = (2.0 / double(n)) * augmented * augmented.transpose();
  // Power iteration: H is symmetric and positive semi-definite, so repeatedly applying it
  // to a vector turns that vector towards the top eigenvector, and |H v| towards lambda_max.
  // (Eigen's full eigen-solver would add ~10 KB of wasm for a 3 x 3 matrix.)
  Eigen::VectorXd v = Eigen::VectorXd::Ones(hessian.rows());
  double lambda = 0.0;
  for (int i = 0; i < 500; ++i) {
    const Eigen::VectorXd next = hessian * v;
    const double norm = next.norm();
    if (!(norm > 0.0)) return 0.0;
    const bool settled = std::fabs(norm - lambda) <= 1e-13 * norm;
    lambda = norm;
    v = next / norm;
    if (settled) break;
  }
  return lambda;
}

double critical_learning_rate(const Dataset& data) {
  const double lambda = largest_curvature(data);
  return lambda > 0 ? 2.0 / lambda : 0.0;
}

}  // namespace neuron
